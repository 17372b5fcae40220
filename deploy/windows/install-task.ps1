# Registers the centre's queue server as a Windows scheduled task that starts at boot (before
# anyone signs in), runs as SYSTEM and restarts every minute if it stops, for up to a day.
# Run once in an elevated PowerShell from the install folder:
#   powershell -ExecutionPolicy Bypass -File deploy\windows\install-task.ps1
# Remove with:  Unregister-ScheduledTask -TaskName HanhChinhCong -Confirm:$false
param(
  [string]$InstallDir = (Resolve-Path "$PSScriptRoot\..\..").Path,
  [string]$SettingsFile = (Join-Path (Resolve-Path "$PSScriptRoot\..\..").Path 'qms.env')
)
$ErrorActionPreference = 'Stop'

$node = (Get-Command node.exe).Source
if (-not (Test-Path $SettingsFile)) {
  Copy-Item (Join-Path $InstallDir 'deploy\qms.env.example') $SettingsFile
  Write-Host "Đã tạo $SettingsFile từ mẫu: hãy sửa QMS_DATA_DIR, QMS_PRINTER rồi chạy lại."
  exit 1
}

# The task's own environment: one variable naming the settings file, everything else is in it.
$command = "set QMS_SETTINGS_FILE=$SettingsFile&& `"$node`" dist-server\main.mjs >> `"$InstallDir\may-chu.log`" 2>&1"
$action = New-ScheduledTaskAction -Execute 'cmd.exe' -Argument "/d /c $command" -WorkingDirectory $InstallDir
$trigger = New-ScheduledTaskTrigger -AtStartup
$settings = New-ScheduledTaskSettingsSet -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable `
  -ExecutionTimeLimit ([TimeSpan]::Zero) -RestartCount 1440 -RestartInterval (New-TimeSpan -Minutes 1)
$principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest

Register-ScheduledTask -TaskName 'HanhChinhCong' -Description 'Hệ thống xếp hàng – Trung tâm Phục vụ hành chính công' `
  -Action $action -Trigger $trigger -Settings $settings -Principal $principal -Force | Out-Null

# Let the devices on the LAN reach the server's port.
$port = (Select-String -Path $SettingsFile -Pattern '^\s*PORT\s*=\s*(\d+)').Matches.Groups[1].Value
if (-not $port) { $port = 3000 }
if (-not (Get-NetFirewallRule -DisplayName 'HanhChinhCong' -ErrorAction SilentlyContinue)) {
  New-NetFirewallRule -DisplayName 'HanhChinhCong' -Direction Inbound -Protocol TCP -LocalPort $port -Action Allow -Profile Private,Domain | Out-Null
}

Start-ScheduledTask -TaskName 'HanhChinhCong'
Write-Host "Đã cài tác vụ HanhChinhCong: máy chủ chạy khi khởi động máy, cổng $port. Kiểm tra: npm run doctor"
