@echo off
rem Runs kiriwake from this checkout on Windows (cmd.exe); the work is done by kiriwake.ps1 beside it.
rem The console is switched to UTF-8 so that Japanese shows correctly.
chcp 65001 >nul
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0kiriwake.ps1" %*
exit /b %ERRORLEVEL%
