; Inno Setup script of the KPU Desk installer for Windows (Inno Setup 6.3 or newer).
;
; Build the bundle first (packaging/README.md), then from the repository's root:
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\kpu-desk.iss
; The installer is written to dist\installer\KPU-Desk-Setup-<version>.exe.
;
; - The version is read from the built kpu-desk.exe (its version resource, which the
;   PyInstaller spec writes from kpu_desk/__init__.py): it is written in one place only.
; - AppId never changes: a newer installer finds the installed copy and upgrades it in
;   place (same folder, same shortcuts); files of the old version's bundle are removed first.
; - Uninstalling keeps the data folder (%LOCALAPPDATA%\KPU Desk: the database, attachments
;   and backups) unless the user answers Ya to the question in [Code]; a silent uninstall
;   always keeps it.

#define AppName "KPU Desk"
#define AppExeName "kpu-desk.exe"
#define BundleDir AddBackslash(SourcePath) + "..\dist\kpu-desk"

#if !FileExists(BundleDir + "\" + AppExeName)
  #error "dist\kpu-desk\kpu-desk.exe not found: run pyinstaller packaging\kpu-desk.spec first (packaging\README.md)"
#endif
#define AppVersion GetStringFileInfo(BundleDir + "\" + AppExeName, "ProductVersion")
#if AppVersion == ""
  #error "dist\kpu-desk\kpu-desk.exe has no version information: build it with packaging\kpu-desk.spec"
#endif
#define AppVersionNumbers GetVersionNumbersString(BundleDir + "\" + AppExeName)

[Setup]
; Never change this GUID: it is how an upgrade finds the installed copy.
AppId={{6F1D2B47-8C3E-4A95-B2D0-3E7A9C51F824}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KPU Desk
AppComments=SOP sekretariat KPU Kabupaten/Kota yang dapat dijalankan
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoDescription=Penginstal {#AppName}
DefaultDirName={autopf}\KPU Desk
DefaultGroupName=KPU Desk
DisableProgramGroupPage=yes
DisableDirPage=auto
; Installed for every user of the PC by default; a user without administrator rights may
; choose to install it for himself only.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist\installer
OutputBaseFilename=KPU-Desk-Setup-{#AppVersion}
SetupIconFile=kpu-desk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade closes a running KPU Desk first (Restart Manager) and starts it again afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
; Optional: the unofficial Indonesian translation of Inno Setup, placed beside this script.
Name: "indonesian"; MessagesFile: "Indonesian.isl"
#endif

[CustomMessages]
DesktopIcon=Buat pintasan KPU Desk di desktop
ShortcutsGroup=Pintasan:
RunAfterInstall=Jalankan KPU Desk
CommandLine=KPU Desk (baris perintah)
Uninstall=Hapus KPU Desk

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:ShortcutsGroup}"

[InstallDelete]
; The bundle of the previous version: its libraries are replaced as a whole, none left over.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\KPU Desk"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "{#AppName} {#AppVersion}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\kpu-desk-cmd.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\KPU Desk"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:RunAfterInstall}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataFolderName = 'KPU Desk';

function DataFolder(): String;
begin
  { kpu_desk.store.connection.data_dir(): platformdirs' user data folder for "KPU Desk" }
  Result := ExpandConstant('{localappdata}\') + DataFolderName;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Folder := DataFolder();
  if not DirExists(Folder) then
    Exit;
  { A silent uninstall (e.g. by IT, or before reinstalling) never removes the office's data. }
  if UninstallSilent() then
    Exit;
  if MsgBox('KPU Desk telah dihapus dari komputer ini.' + #13#10#13#10 +
            'Hapus juga data KPU Desk di komputer ini?' + #13#10 +
            Folder + #13#10 +
            '(basis data, lampiran, cadangan harian dan pengaturan komputer ini)' + #13#10#13#10 +
            'Pilih "No"/"Tidak" untuk menyimpannya: versi KPU Desk yang dipasang nanti akan memakainya lagi.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    if MsgBox('Yakin? Semua data di ' + Folder + ' akan dihapus dan tidak dapat dikembalikan.',
              mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      if not DelTree(Folder, True, True, True) then
        MsgBox('Sebagian folder ' + Folder + ' tidak dapat dihapus; hapus sisanya lewat Explorer.',
               mbInformation, MB_OK);
      { The window sizes and choices QSettings keeps in the registry for this user. }
      RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\KPU Desk');
    end;
  end;
end;
