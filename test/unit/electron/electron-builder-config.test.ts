import { resolve } from 'node:path'
import { loadConfig } from 'app-builder-lib/out/util/config/load'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import type { Configuration } from 'app-builder-lib'
import { describe, expect, it } from 'vitest'

const projectDir = resolve(import.meta.dirname, '../../..')

async function readConfig(): Promise<Configuration> {
  const loaded = await loadConfig<Configuration>({ packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null })
  if (!loaded) throw new Error('electron-builder.yml not found')
  expect(loaded.configFile).toBe(resolve(projectDir, 'electron-builder.yml'))
  return loaded.result
}

/** electron-builder's own check, the one `electron-builder` runs before packaging. */
const validate = (config: Configuration) => validateConfiguration(config, new DebugLogger(false))

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    await expect(validate(await readConfig())).resolves.toBeUndefined()
  })

  it('would fail on an unknown or misplaced key, so the check above means something', async () => {
    const config = await readConfig()
    await expect(validate({ ...config, kioskMode: true } as Configuration)).rejects.toThrow(/kioskMode/)
    await expect(validate({ ...config, nsis: { ...config.nsis, silent: true } } as Configuration)).rejects.toThrow(/configuration.nsis/)
  })

  it('identifies the app and packs only the electron-vite output into an asar', async () => {
    const config = await readConfig()
    expect(config.appId).toBe('cn.gov.zj.enterprise-service.kiosk')
    expect(config.productName).toBe('企业综合服务一窗通')
    expect(config.asar).toBe(true)
    expect(config.files).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**'])
  })

  it('installs for the kiosk account on Windows, so updates need no UAC prompt, and builds AppImage and deb on Linux', async () => {
    const config = await readConfig()
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, deleteAppDataOnUninstall: false })
    expect(JSON.stringify(config.win?.target)).toContain('nsis')
    expect(config.linux?.target).toEqual(['AppImage', 'deb'])
  })

  it('burns the security fuses', async () => {
    expect((await readConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('would refuse a misspelt fuse, so the one above is a real fuse', async () => {
    const config = await readConfig()
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, enableEmbeddedAsarIntegrityCheck: true } } as Configuration)).rejects.toThrow(
      /electronFuses/,
    )
  })

  it('takes the update server from the environment at build time', async () => {
    expect((await readConfig()).publish).toEqual({ provider: 'generic', url: '${env.KIOSK_UPDATE_URL}', channel: 'latest' })
  })
})
