import { contextBridge, ipcRenderer } from 'electron'
import type { HostApi } from '../../shared/host'
import { IPC_CHANNELS } from '../ipc-channels'

/**
 * The renderer's whole reach into the machine, as `window.kioskHost`. Each method names its own
 * channel; ipcRenderer itself is never exposed, so a compromised page cannot call anything else.
 */
const api = {
  getAppInfo: () => ipcRenderer.invoke(IPC_CHANNELS.getAppInfo),
  getEnrollment: () => ipcRenderer.invoke(IPC_CHANNELS.getEnrollment),
  saveEnrollment: (enrollment) => ipcRenderer.invoke(IPC_CHANNELS.saveEnrollment, enrollment),
  getProvisioning: () => ipcRenderer.invoke(IPC_CHANNELS.getProvisioning),
  checkAdminPin: (pin) => ipcRenderer.invoke(IPC_CHANNELS.checkAdminPin, pin),
  printReceipt: (receipt) => ipcRenderer.invoke(IPC_CHANNELS.printReceipt, receipt),
  getDeviceHealth: () => ipcRenderer.invoke(IPC_CHANNELS.getDeviceHealth),
  setVisitorActive: (active) => ipcRenderer.invoke(IPC_CHANNELS.setVisitorActive, active),
  logError: (error) => ipcRenderer.invoke(IPC_CHANNELS.logError, error),
  exportLogs: () => ipcRenderer.invoke(IPC_CHANNELS.exportLogs),
  exportCsv: (file) => ipcRenderer.invoke(IPC_CHANNELS.exportCsv, file),
} satisfies HostApi

contextBridge.exposeInMainWorld('kioskHost', api)
