# Makes the kiosk app the whole desktop of the local, non-administrator account "kiosk" (Shell Launcher).
# Windows 10/11 Enterprise, Education or IoT Enterprise; run once in an elevated PowerShell, then restart.
param(
  [string]$Account = 'kiosk',
  # The per-user install of the kiosk app for that account (see docs/deploy.md, step 4).
  [string]$Shell = "C:\Users\kiosk\AppData\Local\Programs\企业综合服务一窗通\one-window-kiosk.exe"
)
$ErrorActionPreference = 'Stop'

Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null

$launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
$sid = (New-Object System.Security.Principal.NTAccount($Account)).Translate([System.Security.Principal.SecurityIdentifier]).Value

# Exit code 0 is a deliberate quit (the app relaunching itself, or installing an update and starting
# the new version): do nothing (3). Any other exit is a crash: start the app again (0).
$launcher.SetCustomShell($sid, $Shell, @(0), @(3), 0) | Out-Null
# Everyone else (IT's administrator accounts) keeps the normal Explorer desktop.
$launcher.SetDefaultShell('explorer.exe', 0) | Out-Null
$launcher.SetEnabled($true) | Out-Null

Write-Output "Shell Launcher: $Account ($sid) now starts $Shell. Restart the PC."
