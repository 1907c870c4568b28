<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Enter the IMAP server, the user name and the password.</source>
            <translation>Geben Sie den IMAP-Server, den Benutzernamen und das Passwort ein.</translation>
        </message>
        <message>
            <source>Logging in and saving…</source>
            <translation>Anmelden und speichern …</translation>
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation>Verbindung wird geprüft …</translation>
        </message>
        <message>
            <source>The server presented a certificate with this SHA-256 fingerprint:
{fingerprint}

Trust it only if it matches the fingerprint your provider or administrator gave you.</source>
            <translation>Der Server hat ein Zertifikat mit diesem SHA-256-Fingerabdruck vorgelegt:
{fingerprint}

Vertrauen Sie ihm nur, wenn er mit dem Fingerabdruck übereinstimmt, den Ihnen Ihr Anbieter oder Administrator genannt hat.</translation>
        </message>
        <message>
            <source>Nothing was saved.</source>
            <translation>Es wurde nichts gespeichert.</translation>
        </message>
        <message>
            <source>The connection works.</source>
            <translation>Die Verbindung funktioniert.</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <source>Connected to {address} ({security}) and logged in as {user}.</source>
            <translation>Verbunden mit {address} ({security}) und angemeldet als {user}.</translation>
        </message>
        <message>
            <source>Capabilities: {capabilities}</source>
            <translation>Fähigkeiten: {capabilities}</translation>
        </message>
        <message>
            <source>Incremental resync (CONDSTORE/QRESYNC): {answer}</source>
            <translation>Schrittweiser Abgleich (CONDSTORE/QRESYNC): {answer}</translation>
        </message>
        <message>
            <source>Instant notice of new mail (IDLE): {answer}</source>
            <translation>Sofortige Meldung neuer E-Mails (IDLE): {answer}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <source>Default ({port})</source>
            <translation>Standard ({port})</translation>
        </message>
        <message>
            <source>Choose the server's CA certificate</source>
            <translation>CA-Zertifikat des Servers wählen</translation>
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Add account – mailguard</source>
            <translation>Konto hinzufügen – mailguard</translation>
        </message>
        <message>
            <source>Edit account – mailguard</source>
            <translation>Konto bearbeiten – mailguard</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Account name</source>
            <translation>Kontoname</translation>
        </message>
        <message>
            <source>IMAP ser&amp;ver:</source>
            <translation>IMAP-Ser&amp;ver:</translation>
        </message>
        <message>
            <source>IMAP server</source>
            <translation>IMAP-Server</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Port</translation>
        </message>
        <message>
            <source>Se&amp;curity:</source>
            <translation>Si&amp;cherheit:</translation>
        </message>
        <message>
            <source>Security</source>
            <translation>Sicherheit</translation>
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Benutzername</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Pass&amp;wort:</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <source>CA &amp;file:</source>
            <translation>CA-&amp;Datei:</translation>
        </message>
        <message>
            <source>CA file</source>
            <translation>CA-Datei</translation>
        </message>
        <message>
            <source>Trusted certificate:</source>
            <translation>Vertrautes Zertifikat:</translation>
        </message>
        <message>
            <source>Trusted certificate</source>
            <translation>Vertrautes Zertifikat</translation>
        </message>
        <message>
            <source>for example: work</source>
            <translation>zum Beispiel: arbeit</translation>
        </message>
        <message>
            <source>imap.example.com</source>
            <translation>imap.example.com</translation>
        </message>
        <message>
            <source>stored in the keyring</source>
            <translation>wird im Schlüsselbund gespeichert</translation>
        </message>
        <message>
            <source>leave empty to keep the stored password</source>
            <translation>leer lassen, um das gespeicherte Passwort zu behalten</translation>
        </message>
        <message>
            <source>only for a server with its own CA</source>
            <translation>nur für einen Server mit eigener CA</translation>
        </message>
        <message>
            <source>SSL/TLS (port 993)</source>
            <translation>SSL/TLS (Port 993)</translation>
        </message>
        <message>
            <source>STARTTLS (port 143)</source>
            <translation>STARTTLS (Port 143)</translation>
        </message>
        <message>
            <source>None (only on this computer)</source>
            <translation>Keine (nur auf diesem Rechner)</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen …</translation>
        </message>
        <message>
            <source>Choose a CA file</source>
            <translation>CA-Datei wählen</translation>
        </message>
        <message>
            <source>F&amp;orget</source>
            <translation>&amp;Vergessen</translation>
        </message>
        <message>
            <source>Forget the trusted certificate</source>
            <translation>Das vertraute Zertifikat vergessen</translation>
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation>Verbindung &amp;testen</translation>
        </message>
        <message>
            <source>T&amp;rust this certificate</source>
            <translation>Diesem Zertifikat ve&amp;rtrauen</translation>
        </message>
        <message>
            <source>The server's answer</source>
            <translation>Die Antwort des Servers</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
    </context>
    <context>
        <name>AccountScopedPage</name>
        <message>
            <source>&amp;Account:</source>
            <extracomment>Settings files and the database; one lane, so writes never overlap. Logging in to test an account (up to 30 s when a server does not answer). Reading a schedule source for "Check now".</extracomment>
            <translation>&amp;Konto:</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>Accounts</source>
            <extracomment>An account was added (its name): the window moves on from the first-run page.</extracomment>
            <translation>Konten</translation>
        </message>
        <message>
            <source>Account {name} added.</source>
            <translation>Konto {name} hinzugefügt.</translation>
        </message>
        <message>
            <source>Account {name} saved.</source>
            <translation>Konto {name} gespeichert.</translation>
        </message>
        <message>
            <source>its password in the keyring</source>
            <translation>sein Passwort im Schlüsselbund</translation>
        </message>
        <message numerus="yes">
            <source>%n snapshot(s)</source>
            <translation>
                <numerusform>%n Momentaufnahme</numerusform>
                <numerusform>%n Momentaufnahmen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n Bericht</numerusform>
                <numerusform>%n Berichte</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n queued folder edit(s), which will not run</source>
            <translation>
                <numerusform>%n vorgemerkte Ordneränderung, die nicht mehr ausgeführt wird</numerusform>
                <numerusform>%n vorgemerkte Ordneränderungen, die nicht mehr ausgeführt werden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n manual maintenance window(s)</source>
            <translation>
                <numerusform>%n eigenes Wartungsfenster</numerusform>
                <numerusform>%n eigene Wartungsfenster</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n filing rule(s)</source>
            <translation>
                <numerusform>%n Ablageregel</numerusform>
                <numerusform>%n Ablageregeln</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove account – mailguard</source>
            <translation>Konto entfernen – mailguard</translation>
        </message>
        <message>
            <source>Remove the account {name}?</source>
            <translation>Das Konto {name} entfernen?</translation>
        </message>
        <message>
            <source>This also removes:</source>
            <translation>Damit wird auch entfernt:</translation>
        </message>
        <message>
            <source>The mail on the server stays as it is.</source>
            <translation>Die E-Mails auf dem Server bleiben, wie sie sind.</translation>
        </message>
        <message>
            <source>Removing {name}…</source>
            <translation>{name} wird entfernt …</translation>
        </message>
        <message>
            <source>Account {name} removed.</source>
            <translation>Konto {name} entfernt.</translation>
        </message>
        <message>
            <source>{name}: {user} at {host}:{port}</source>
            <translation>{name}: {user} bei {host}:{port}</translation>
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation>&amp;Hinzufügen …</translation>
        </message>
        <message>
            <source>Add an account</source>
            <translation>Ein Konto hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten …</translation>
        </message>
        <message>
            <source>Edit the chosen account</source>
            <translation>Das gewählte Konto bearbeiten</translation>
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation>&amp;Entfernen …</translation>
        </message>
        <message>
            <source>Remove the chosen account</source>
            <translation>Das gewählte Konto entfernen</translation>
        </message>
    </context>
    <context>
        <name>DiagnosticsPage</name>
        <message>
            <source>Diagnostics</source>
            <translation>Diagnose</translation>
        </message>
        <message>
            <source>Checking… (this logs in to every account)</source>
            <translation>Prüfe … (dabei wird jedes Konto angemeldet)</translation>
        </message>
        <message>
            <source>ok: {check}</source>
            <translation>in Ordnung: {check}</translation>
        </message>
        <message>
            <source>problem: {check}</source>
            <translation>Problem: {check}</translation>
        </message>
        <message>
            <source>Fix: {fix}</source>
            <translation>Abhilfe: {fix}</translation>
        </message>
        <message>
            <source>All is well.</source>
            <translation>Alles in Ordnung.</translation>
        </message>
        <message numerus="yes">
            <source>%n problem(s) found; each says how to fix it.</source>
            <translation>
                <numerusform>%n Problem gefunden; die Abhilfe steht dabei.</numerusform>
                <numerusform>%n Probleme gefunden; die Abhilfe steht jeweils dabei.</numerusform>
            </translation>
        </message>
        <message>
            <source>What mailguard needs, checked: the keyring, the tray, notifications, its files, every account's login and every schedule source (the same checks as: mailguard doctor).</source>
            <translation>Was mailguard braucht, geprüft: der Schlüsselbund, der Infobereich, Benachrichtigungen, seine Dateien, die Anmeldung jedes Kontos und jede Zeitplanquelle (dieselben Prüfungen wie: mailguard doctor).</translation>
        </message>
        <message>
            <source>&amp;Run the checks</source>
            <translation>Prüfungen &amp;ausführen</translation>
        </message>
        <message>
            <source>Results of the checks</source>
            <translation>Ergebnisse der Prüfungen</translation>
        </message>
    </context>
    <context>
        <name>Duration</name>
        <message>
            <source>{seconds} s</source>
            <translation>{seconds} Sek.</translation>
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation>{days} Tg. {hours} Std.</translation>
        </message>
        <message>
            <source>{days} d</source>
            <translation>{days} Tg.</translation>
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation>{hours} Std. {minutes} Min.</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} Std.</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} Min.</translation>
        </message>
    </context>
    <context>
        <name>FolderDesk</name>
        <message>
            <source>Working…</source>
            <extracomment>False while the window is closed: rounds then only update the standing, the next ``use_account`` reads everything afresh.</extracomment>
            <translation>Wird ausgeführt …</translation>
        </message>
        <message>
            <source>Another change is still running; try again when it is done.</source>
            <translation>Eine andere Änderung läuft noch; versuchen Sie es danach erneut.</translation>
        </message>
        <message>
            <source>No mail matches the filing rule '{rule}' now.</source>
            <translation>Zurzeit passt keine E-Mail zur Ablageregel „{rule}“.</translation>
        </message>
    </context>
    <context>
        <name>FolderNameDialog</name>
        <message>
            <source>Folder name</source>
            <translation>Ordnername</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>A folder with this name exists already.</source>
            <translation>Ein Ordner mit diesem Namen existiert bereits.</translation>
        </message>
    </context>
    <context>
        <name>FolderTexts</name>
        <message>
            <source>Create folder '{folder}'</source>
            <translation>Ordner „{folder}“ anlegen</translation>
        </message>
        <message>
            <source>Rename folder '{folder}' to '{new_name}'</source>
            <translation>Ordner „{folder}“ in „{new_name}“ umbenennen</translation>
        </message>
        <message>
            <source>Delete folder '{folder}'</source>
            <translation>Ordner „{folder}“ löschen</translation>
        </message>
        <message>
            <source>queued</source>
            <translation>vorgemerkt</translation>
        </message>
        <message>
            <source>interrupted, resumes</source>
            <translation>unterbrochen, wird fortgesetzt</translation>
        </message>
        <message>
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>zurückgezogen</translation>
        </message>
        <message>
            <source>Folder edits wait until {reopen}</source>
            <translation>Ordneränderungen warten bis {reopen}</translation>
        </message>
        <message>
            <source>Maintenance window '{title}' starts at {start} and lasts until {end}; folder edits open again at {reopen}</source>
            <translation>Wartungsfenster „{title}“ beginnt um {start} und dauert bis {end}; Ordneränderungen sind ab {reopen} wieder möglich</translation>
        </message>
        <message>
            <source>Maintenance window '{title}' ended at {end}; mailguard watches for late mail, and folder edits open again at {reopen}</source>
            <translation>Wartungsfenster „{title}“ endete um {end}; mailguard achtet auf Nachlieferungen, Ordneränderungen sind ab {reopen} wieder möglich</translation>
        </message>
        <message>
            <source>Maintenance window '{title}' until {end}; folder edits open again at {reopen}</source>
            <translation>Wartungsfenster „{title}“ bis {end}; Ordneränderungen sind ab {reopen} wieder möglich</translation>
        </message>
        <message>
            <source>Queued as #{id}: {what}; it runs once edits open again at {reopen}</source>
            <translation>Vorgemerkt als Nr. {id}: {what}; wird ausgeführt, sobald Änderungen ab {reopen} wieder möglich sind</translation>
        </message>
        <message>
            <source>Queued as #{id}: {what}</source>
            <translation>Vorgemerkt als Nr. {id}: {what}</translation>
        </message>
    </context>
    <context>
        <name>FolderTreeTab</name>
        <message>
            <source>Folder</source>
            <extracomment>The full name of the folder an item stands for ("" for a level that is no folder).</extracomment>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>E-Mails</translation>
        </message>
        <message>
            <source>Folders</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>&amp;New folder…</source>
            <translation>&amp;Neuer Ordner …</translation>
        </message>
        <message>
            <source>Queue new folder…</source>
            <translation>Neuen Ordner vormerken …</translation>
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation>&amp;Umbenennen …</translation>
        </message>
        <message>
            <source>Queue rename…</source>
            <translation>Umbenennen vormerken …</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>&amp;Löschen …</translation>
        </message>
        <message>
            <source>Queue delete…</source>
            <translation>Löschen vormerken …</translation>
        </message>
        <message>
            <source>&amp;Move messages by rule…</source>
            <translation>E-Mails per Regel &amp;verschieben …</translation>
        </message>
        <message>
            <source>Queue move by rule…</source>
            <translation>Verschieben per Regel vormerken …</translation>
        </message>
        <message>
            <source>Refres&amp;h</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <source>Reading the folders…</source>
            <translation>Ordner werden gelesen …</translation>
        </message>
        <message>
            <source>INBOX cannot be renamed or deleted.</source>
            <translation>INBOX lässt sich weder umbenennen noch löschen.</translation>
        </message>
        <message>
            <source>New folder</source>
            <translation>Neuer Ordner</translation>
        </message>
        <message>
            <source>The new folder's full name; '{delimiter}' separates the levels, as in 'Archive{delimiter}2026'.</source>
            <translation>Der vollständige Name des neuen Ordners; „{delimiter}“ trennt die Ebenen, wie in „Archive{delimiter}2026“.</translation>
        </message>
        <message>
            <source>&amp;Queue creation</source>
            <translation>Anlegen &amp;vormerken</translation>
        </message>
        <message>
            <source>&amp;Create</source>
            <translation>&amp;Anlegen</translation>
        </message>
        <message>
            <source>Rename folder</source>
            <translation>Ordner umbenennen</translation>
        </message>
        <message>
            <source>The new full name of '{folder}':</source>
            <translation>Der neue vollständige Name von „{folder}“:</translation>
        </message>
        <message>
            <source>&amp;Queue renaming</source>
            <translation>Umbenennen &amp;vormerken</translation>
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation>&amp;Umbenennen</translation>
        </message>
        <message>
            <source>Counting the messages in '{folder}'…</source>
            <translation>E-Mails in „{folder}“ werden gezählt …</translation>
        </message>
        <message numerus="yes">
            <source>Delete '{folder}' and its %n message(s)? They cannot be restored.</source>
            <translation>
                <numerusform>„{folder}“ und seine %n E-Mail löschen? Sie lässt sich nicht wiederherstellen.</numerusform>
                <numerusform>„{folder}“ und seine %n E-Mails löschen? Sie lassen sich nicht wiederherstellen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete the empty folder '{folder}'?</source>
            <translation>Den leeren Ordner „{folder}“ löschen?</translation>
        </message>
        <message>
            <source>It runs once edits open again at {reopen}. Should the folder hold more mail by then, nothing is deleted.</source>
            <translation>Es geschieht, sobald Änderungen ab {reopen} wieder möglich sind. Enthält der Ordner bis dahin mehr E-Mails, wird nichts gelöscht.</translation>
        </message>
        <message>
            <source>Delete folder</source>
            <translation>Ordner löschen</translation>
        </message>
        <message>
            <source>&amp;Queue delete</source>
            <translation>Löschen &amp;vormerken</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
    </context>
    <context>
        <name>FoldersWindow</name>
        <message>
            <source>Folders – mailguard</source>
            <translation>Ordner – mailguard</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>&amp;Open edits now…</source>
            <translation>Änderungen jetzt &amp;freigeben …</translation>
        </message>
        <message>
            <source>Open folder edits now</source>
            <translation>Ordneränderungen jetzt freigeben</translation>
        </message>
        <message>
            <source>Filing r&amp;ules</source>
            <translation>&amp;Ablageregeln</translation>
        </message>
        <message>
            <source>&amp;Queued operations</source>
            <translation>&amp;Vorgemerkte Änderungen</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Queued operations (%n)</source>
            <translation>
                <numerusform>&amp;Vorgemerkte Änderungen (%n)</numerusform>
                <numerusform>&amp;Vorgemerkte Änderungen (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open folder edits before the backfill watch ends?</source>
            <translation>Ordneränderungen vor dem Ende der Nachlieferungsphase freigeben?</translation>
        </message>
        <message>
            <source>&amp;Open edits now</source>
            <translation>Änderungen jetzt &amp;freigeben</translation>
        </message>
        <message>
            <source>Folder edits are open again.</source>
            <translation>Ordneränderungen sind wieder möglich.</translation>
        </message>
        <message>
            <source>&amp;Account:</source>
            <translation>&amp;Konto:</translation>
        </message>
        <message>
            <source>&amp;Folders</source>
            <translation>&amp;Ordner</translation>
        </message>
        <message>
            <source>No account yet: add one in Settings.</source>
            <translation>Noch kein Konto: Legen Sie in den Einstellungen eines an.</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <source>General</source>
            <translation>Allgemein</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Sprache:</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>Systemvorgabe</translation>
        </message>
        <message>
            <source>Show desktop &amp;notifications</source>
            <translation>Desktop-&amp;Benachrichtigungen anzeigen</translation>
        </message>
        <message>
            <source>Show desktop notifications</source>
            <translation>Desktop-Benachrichtigungen anzeigen</translation>
        </message>
        <message>
            <source>&amp;Start mailguard when I log in</source>
            <translation>mailguard bei der Anmeldung &amp;starten</translation>
        </message>
        <message>
            <source>Start mailguard when I log in</source>
            <translation>mailguard bei der Anmeldung starten</translation>
        </message>
    </context>
    <context>
        <name>ManualWindowsPage</name>
        <message>
            <source>Manual windows</source>
            <translation>Eigene Wartungsfenster</translation>
        </message>
        <message>
            <source>A window must end after it starts.</source>
            <translation>Ein Wartungsfenster muss nach seinem Beginn enden.</translation>
        </message>
        <message>
            <source>Remove window – mailguard</source>
            <translation>Wartungsfenster entfernen – mailguard</translation>
        </message>
        <message>
            <source>Remove the window “{title}” ({start} – {end})?</source>
            <translation>Das Wartungsfenster „{title}“ ({start} – {end}) entfernen?</translation>
        </message>
        <message>
            <source>mailguard will no longer hold back folder edits for it.</source>
            <translation>mailguard hält dafür keine Ordneränderungen mehr zurück.</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Manual maintenance windows</source>
            <translation>Eigene Wartungsfenster</translation>
        </message>
        <message>
            <source>&amp;Remove window…</source>
            <translation>Wartungsfenster &amp;entfernen …</translation>
        </message>
        <message>
            <source>Remove the chosen window</source>
            <translation>Das gewählte Wartungsfenster entfernen</translation>
        </message>
        <message>
            <source>New window</source>
            <translation>Neues Wartungsfenster</translation>
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation>&amp;Titel:</translation>
        </message>
        <message>
            <source>&amp;Starts:</source>
            <translation>&amp;Beginn:</translation>
        </message>
        <message>
            <source>&amp;Ends:</source>
            <translation>&amp;Ende:</translation>
        </message>
        <message>
            <source>Title of the window</source>
            <translation>Titel des Wartungsfensters</translation>
        </message>
        <message>
            <source>what the provider calls it</source>
            <translation>wie der Anbieter es nennt</translation>
        </message>
        <message>
            <source>Start of the window</source>
            <translation>Beginn des Wartungsfensters</translation>
        </message>
        <message>
            <source>End of the window</source>
            <translation>Ende des Wartungsfensters</translation>
        </message>
        <message>
            <source>Times are in your time zone, {zone}.</source>
            <translation>Die Zeiten gelten in Ihrer Zeitzone, {zone}.</translation>
        </message>
        <message>
            <source>A&amp;dd window</source>
            <translation>Wartungsfenster hin&amp;zufügen</translation>
        </message>
        <message>
            <source>Add the window</source>
            <translation>Das Wartungsfenster hinzufügen</translation>
        </message>
    </context>
    <context>
        <name>Notification</name>
        <message>
            <source>Don't create, rename or delete folders or move mail in any mail program until it is over; mail that matters may arrive late.</source>
            <extracomment>What every maintenance notice reminds of (the providers' own advice).</extracomment>
            <translation>Legen Sie bis zum Ende in keinem E-Mail-Programm Ordner an, benennen Sie keine um, löschen Sie keine und verschieben Sie keine E-Mails; wichtige E-Mails können verspätet ankommen.</translation>
        </message>
        <message>
            <source>Resync now</source>
            <translation>Jetzt abgleichen</translation>
        </message>
        <message>
            <source>Show report</source>
            <translation>Bericht anzeigen</translation>
        </message>
        <message>
            <source>Show windows</source>
            <translation>Wartungsfenster anzeigen</translation>
        </message>
        <message>
            <source>Open settings</source>
            <translation>Einstellungen öffnen</translation>
        </message>
        <message>
            <source>mailguard cannot look after {account}</source>
            <extracomment>Notifications with the same thread replace each other's bubble on screen.</extracomment>
            <translation>mailguard kann {account} nicht überwachen</translation>
        </message>
        <message>
            <source>{problem} (for {how_long})</source>
            <translation>{problem} (seit {how_long})</translation>
        </message>
        <message>
            <source>Resync of {account} failed</source>
            <translation>Abgleich von {account} fehlgeschlagen</translation>
        </message>
        <message>
            <source>{problem}</source>
            <translation>{problem}</translation>
        </message>
        <message>
            <source>{title}, {start}–{end}. {advice}</source>
            <translation>{title}, {start}–{end}. {advice}</translation>
        </message>
        <message>
            <source>E-mail maintenance announced</source>
            <translation>E-Mail-Wartung angekündigt</translation>
        </message>
        <message>
            <source>E-mail maintenance rescheduled</source>
            <translation>E-Mail-Wartung verschoben</translation>
        </message>
        <message>
            <source>E-mail maintenance cancelled</source>
            <translation>E-Mail-Wartung abgesagt</translation>
        </message>
        <message>
            <source>{title}, {start}–{end}, will not take place.</source>
            <translation>{title}, {start}–{end}, findet nicht statt.</translation>
        </message>
        <message>
            <source>E-mail maintenance in {countdown}</source>
            <translation>E-Mail-Wartung in {countdown}</translation>
        </message>
        <message>
            <source>E-mail maintenance has started</source>
            <translation>Die E-Mail-Wartung hat begonnen</translation>
        </message>
        <message>
            <source>E-mail maintenance is over</source>
            <translation>Die E-Mail-Wartung ist vorbei</translation>
        </message>
        <message>
            <source>mailguard compares your mailbox with the state before {title} and watches for mail the provider delivers late. Folder edits still wait.</source>
            <translation>mailguard vergleicht Ihr Postfach mit dem Stand vor „{title}“ und achtet auf E-Mails, die der Anbieter nachliefert. Ordneränderungen warten noch.</translation>
        </message>
        <message>
            <source>Folder edits are open again</source>
            <translation>Ordneränderungen sind wieder möglich</translation>
        </message>
        <message>
            <source>The backfill watch after {title} has ended.</source>
            <translation>Die Nachlieferungsphase nach „{title}“ ist vorbei.</translation>
        </message>
        <message>
            <source>{count} late mail in {folders}</source>
            <translation>{count} nachgelieferte E-Mail in {folders}</translation>
        </message>
        <message>
            <source>{count} late mails in {folders}</source>
            <translation>{count} nachgelieferte E-Mails in {folders}</translation>
        </message>
        <message>
            <source>The provider delivered them after the maintenance. Refresh these folders.</source>
            <translation>Der Anbieter hat sie nach der Wartung nachgeliefert. Aktualisieren Sie diese Ordner.</translation>
        </message>
        <message>
            <source>{count} mail sent during maintenance</source>
            <translation>{count} E-Mail während der Wartung gesendet</translation>
        </message>
        <message>
            <source>{count} mails sent during maintenance</source>
            <translation>{count} E-Mails während der Wartung gesendet</translation>
        </message>
        <message>
            <source>They may not have been delivered; consider sending them again.</source>
            <translation>Sie wurden womöglich nicht zugestellt; senden Sie sie gegebenenfalls erneut.</translation>
        </message>
        <message>
            <source>Another program changed your mail during maintenance</source>
            <translation>Ein anderes Programm hat während der Wartung Ihre E-Mails verändert</translation>
        </message>
        <message>
            <source>{change}</source>
            <translation>{change}</translation>
        </message>
        <message>
            <source>Nothing late or missing so far; mailguard keeps watching for mail the provider delivers late.</source>
            <translation>Bisher keine E-Mail verspätet oder fehlend; mailguard achtet weiter auf E-Mails, die der Anbieter nachliefert.</translation>
        </message>
        <message>
            <source>Nothing changed: no mail late or missing.</source>
            <translation>Nichts verändert: keine E-Mail nachgeliefert oder fehlend.</translation>
        </message>
        <message>
            <source>{late} late, {missing} missing, {moved} moved.</source>
            <translation>{late} nachgeliefert, {missing} fehlend, {moved} verschoben.</translation>
        </message>
        <message>
            <source>Mailbox compared after {title}</source>
            <translation>Postfach nach „{title}“ abgeglichen</translation>
        </message>
        <message>
            <source>Resync of {account} finished</source>
            <translation>Abgleich von {account} abgeschlossen</translation>
        </message>
        <message>
            <source>{count} queued folder edit ran</source>
            <translation>{count} vorgemerkte Ordneränderung ausgeführt</translation>
        </message>
        <message>
            <source>{count} queued folder edits ran</source>
            <translation>{count} vorgemerkte Ordneränderungen ausgeführt</translation>
        </message>
        <message>
            <source>{done} done, {skipped} skipped (see the queue).</source>
            <translation>{done} erledigt, {skipped} übersprungen (siehe Warteschlange).</translation>
        </message>
        <message>
            <source>Nothing was skipped.</source>
            <translation>Nichts wurde übersprungen.</translation>
        </message>
        <message>
            <source>{count} more mailguard message</source>
            <translation>{count} weitere Meldung von mailguard</translation>
        </message>
        <message>
            <source>{count} more mailguard messages</source>
            <translation>{count} weitere Meldungen von mailguard</translation>
        </message>
        <message>
            <source>See the tray menu and the log.</source>
            <translation>Siehe das Menü im Infobereich und das Protokoll.</translation>
        </message>
    </context>
    <context>
        <name>QueueTab</name>
        <message>
            <source>Queued operations</source>
            <extracomment>The journal entry's id on each row.</extracomment>
            <translation>Vorgemerkte Änderungen</translation>
        </message>
        <message>
            <source>#</source>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Operation</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Stand</translation>
        </message>
        <message>
            <source>Queued at</source>
            <translation>Vorgemerkt am</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Ca&amp;ncel operation</source>
            <translation>Änderung &amp;zurückziehen</translation>
        </message>
        <message>
            <source>Nothing was queued for this account.</source>
            <translation>Für dieses Konto wurde nichts vorgemerkt.</translation>
        </message>
        <message numerus="yes">
            <source>%n operation(s) wait; they run in this order once edits open again at {reopen}.</source>
            <translation>
                <numerusform>%n Änderung wartet; sie wird ausgeführt, sobald Änderungen ab {reopen} wieder möglich sind.</numerusform>
                <numerusform>%n Änderungen warten; sie werden in dieser Reihenfolge ausgeführt, sobald Änderungen ab {reopen} wieder möglich sind.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n operation(s) wait for their turn.</source>
            <translation>
                <numerusform>%n Änderung wartet, bis sie an der Reihe ist.</numerusform>
                <numerusform>%n Änderungen warten, bis sie an der Reihe sind.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing waits; earlier operations are listed with their outcome.</source>
            <translation>Nichts wartet; frühere Änderungen stehen mit ihrem Ergebnis in der Liste.</translation>
        </message>
        <message>
            <source>Cancelled #{id}: {what}</source>
            <translation>Nr. {id} zurückgezogen: {what}</translation>
        </message>
    </context>
    <context>
        <name>ReportTables</name>
        <message>
            <source>#</source>
            <extracomment>The folders tab's key beside the mail categories'. The tabs, in the order they are shown. Which tab a freshly opened report shows: the first of these that has rows. The columns every mail table starts with, and where the two moments are.</extracomment>
            <translation>Nr.</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Maintenance window</source>
            <translation>Wartungsfenster</translation>
        </message>
        <message>
            <source>Changes</source>
            <translation>Änderungen</translation>
        </message>
        <message>
            <source>Late mail (backfill watch)</source>
            <translation>Nachlieferungen (Nachlieferungsphase)</translation>
        </message>
        <message>
            <source>Resync, full</source>
            <translation>Abgleich, vollständig</translation>
        </message>
        <message>
            <source>Resync, incremental</source>
            <translation>Abgleich, schrittweise</translation>
        </message>
        <message>
            <source>{kind}, preliminary</source>
            <translation>{kind}, vorläufig</translation>
        </message>
        <message>
            <source>No window</source>
            <translation>Kein Wartungsfenster</translation>
        </message>
        <message>
            <source>“{title}”, {start} – {end}</source>
            <translation>„{title}“, {start} – {end}</translation>
        </message>
        <message numerus="yes">
            <source>%n late</source>
            <translation>
                <numerusform>%n nachgeliefert</numerusform>
                <numerusform>%n nachgeliefert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>%n fehlend</numerusform>
                <numerusform>%n fehlend</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sent during the window</source>
            <translation>
                <numerusform>%n während der Wartung gesendet</numerusform>
                <numerusform>%n während der Wartung gesendet</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n moved</source>
            <translation>
                <numerusform>%n verschoben</numerusform>
                <numerusform>%n verschoben</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with changed flags</source>
            <translation>
                <numerusform>%n mit geänderten Markierungen</numerusform>
                <numerusform>%n mit geänderten Markierungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new</source>
            <translation>
                <numerusform>%n neu</numerusform>
                <numerusform>%n neu</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n folder change(s)</source>
            <translation>
                <numerusform>%n Ordneränderung</numerusform>
                <numerusform>%n Ordneränderungen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n copy change(s)</source>
            <translation>
                <numerusform>%n Kopienänderung</numerusform>
                <numerusform>%n Kopienänderungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation>Nichts verändert</translation>
        </message>
        <message>
            <source>Report #{number}: late mail found by the backfill watch at {made}, compared with the snapshot of {taken}.</source>
            <translation>Bericht Nr. {number}: nachgelieferte E-Mails, gefunden in der Nachlieferungsphase am {made}, verglichen mit dem Ausgangsstand vom {taken}.</translation>
        </message>
        <message>
            <source>Report #{number}: full resync at {made}, compared with the snapshot of {taken}.</source>
            <translation>Bericht Nr. {number}: vollständiger Abgleich am {made}, verglichen mit dem Ausgangsstand vom {taken}.</translation>
        </message>
        <message>
            <source>Report #{number}: incremental resync at {made}, compared with the snapshot of {taken}.</source>
            <translation>Bericht Nr. {number}: schrittweiser Abgleich am {made}, verglichen mit dem Ausgangsstand vom {taken}.</translation>
        </message>
        <message>
            <source>Maintenance window: {window}.</source>
            <translation>Wartungsfenster: {window}.</translation>
        </message>
        <message>
            <source>Preliminary: made before the maintenance window was over; the provider may still deliver or change mail.</source>
            <translation>Vorläufig: erstellt, bevor das Wartungsfenster vorbei war; der Anbieter kann noch E-Mails nachliefern oder ändern.</translation>
        </message>
        <message>
            <source>Resync after {moment} for the final comparison.</source>
            <translation>Gleichen Sie nach {moment} ab, um den endgültigen Vergleich zu erhalten.</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Late (%n)</source>
            <translation>
                <numerusform>&amp;Nachgeliefert (%n)</numerusform>
                <numerusform>&amp;Nachgeliefert (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail that was not in the snapshot although it is dated before it or inside the maintenance window: the provider delivered it late.</source>
            <translation>E-Mails, die nicht im Ausgangsstand waren, obwohl sie davor oder innerhalb des Wartungsfensters datiert sind: Der Anbieter hat sie nachgeliefert.</translation>
        </message>
        <message>
            <source>Late mail</source>
            <translation>Nachgelieferte E-Mails</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
        <message numerus="yes">
            <source>&amp;New (%n)</source>
            <translation>
                <numerusform>N&amp;eu (%n)</numerusform>
                <numerusform>N&amp;eu (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail that arrived after the snapshot, dated after it.</source>
            <translation>E-Mails, die nach dem Ausgangsstand eingetroffen und danach datiert sind.</translation>
        </message>
        <message>
            <source>New mail</source>
            <translation>Neue E-Mails</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Missing (%n)</source>
            <translation>
                <numerusform>&amp;Fehlend (%n)</numerusform>
                <numerusform>&amp;Fehlend (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail the snapshot saw that is now in no folder. What you can do: look in your webmail, its trash too, searching for the subject or the Message-ID; wait, as the provider may still restore it (mailguard reports mail that comes back); or ask the provider to restore it, naming the Message-ID and the folder and UID shown here.</source>
            <translation>E-Mails, die im Ausgangsstand waren und jetzt in keinem Ordner sind. Was Sie tun können: im Webmailer nachsehen, auch im Papierkorb, und nach Betreff oder Message-ID suchen; abwarten, denn der Anbieter kann sie noch wiederherstellen (mailguard meldet E-Mails, die zurückkommen); oder den Anbieter um Wiederherstellung bitten und dabei Message-ID, Ordner und UID von hier nennen.</translation>
        </message>
        <message>
            <source>Missing mail</source>
            <translation>Fehlende E-Mails</translation>
        </message>
        <message>
            <source>UID</source>
            <translation>UID</translation>
        </message>
        <message>
            <source>Message-ID</source>
            <translation>Message-ID</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message numerus="yes">
            <source>Mo&amp;ved (%n)</source>
            <translation>
                <numerusform>&amp;Verschoben (%n)</numerusform>
                <numerusform>&amp;Verschoben (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail now in another folder than in the snapshot.</source>
            <translation>E-Mails, die jetzt in einem anderen Ordner liegen als im Ausgangsstand.</translation>
        </message>
        <message>
            <source>Moved mail</source>
            <translation>Verschobene E-Mails</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>Verschoben</translation>
        </message>
        <message>
            <source>{source} → {target}</source>
            <translation>{source} → {target}</translation>
        </message>
        <message numerus="yes">
            <source>Fla&amp;gs changed (%n)</source>
            <translation>
                <numerusform>&amp;Markierungen geändert (%n)</numerusform>
                <numerusform>&amp;Markierungen geändert (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail whose flags (read, flagged, answered …) changed since the snapshot.</source>
            <translation>E-Mails, deren Markierungen (gelesen, markiert, beantwortet …) sich seit dem Ausgangsstand geändert haben.</translation>
        </message>
        <message>
            <source>Mail with changed flags</source>
            <translation>E-Mails mit geänderten Markierungen</translation>
        </message>
        <message>
            <source>Lost flags</source>
            <translation>Verlorene Markierungen</translation>
        </message>
        <message>
            <source>Gained flags</source>
            <translation>Neue Markierungen</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Sent during the window (%n)</source>
            <translation>
                <numerusform>&amp;Während der Wartung gesendet (%n)</numerusform>
                <numerusform>&amp;Während der Wartung gesendet (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail you sent during the maintenance window. It may not have been delivered; consider re-sending it.</source>
            <translation>E-Mails, die Sie während des Wartungsfensters gesendet haben. Sie wurden womöglich nicht zugestellt; senden Sie sie gegebenenfalls erneut.</translation>
        </message>
        <message>
            <source>Mail sent during the window</source>
            <translation>Während der Wartung gesendet</translation>
        </message>
        <message numerus="yes">
            <source>Co&amp;pies (%n)</source>
            <translation>
                <numerusform>&amp;Kopien (%n)</numerusform>
                <numerusform>&amp;Kopien (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Copies of a message that is also in another folder, added or removed (servers such as Gmail keep one message in several folders).</source>
            <translation>Hinzugekommene oder entfernte Kopien einer E-Mail, die auch in einem anderen Ordner liegt (Server wie Gmail führen eine E-Mail in mehreren Ordnern).</translation>
        </message>
        <message>
            <source>Copies added or removed</source>
            <translation>Hinzugekommene oder entfernte Kopien</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Also in</source>
            <translation>Auch in</translation>
        </message>
        <message numerus="yes">
            <source>F&amp;olders (%n)</source>
            <translation>
                <numerusform>&amp;Ordner (%n)</numerusform>
                <numerusform>&amp;Ordner (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Folders added, removed, renamed or renumbered since the snapshot.</source>
            <translation>Seit dem Ausgangsstand hinzugekommene, entfernte, umbenannte oder neu nummerierte Ordner.</translation>
        </message>
        <message>
            <source>Folder changes</source>
            <translation>Ordneränderungen</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>Betreff</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Eingetroffen</translation>
        </message>
        <message>
            <source>(no subject)</source>
            <translation>(kein Betreff)</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>Änderung</translation>
        </message>
        <message>
            <source>New name</source>
            <translation>Neuer Name</translation>
        </message>
        <message>
            <source>added</source>
            <translation>hinzugekommen</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>entfernt</translation>
        </message>
        <message>
            <source>renamed</source>
            <translation>umbenannt</translation>
        </message>
        <message>
            <source>renumbered by the server</source>
            <translation>vom Server neu nummeriert</translation>
        </message>
        <message>
            <source>dated before the snapshot</source>
            <translation>vor dem Ausgangsstand datiert</translation>
        </message>
        <message>
            <source>dated inside the window</source>
            <translation>innerhalb des Wartungsfensters datiert</translation>
        </message>
        <message>
            <source>read</source>
            <translation>gelesen</translation>
        </message>
        <message>
            <source>answered</source>
            <translation>beantwortet</translation>
        </message>
        <message>
            <source>flagged</source>
            <translation>markiert</translation>
        </message>
        <message>
            <source>deleted</source>
            <translation>gelöscht</translation>
        </message>
        <message>
            <source>draft</source>
            <translation>Entwurf</translation>
        </message>
    </context>
    <context>
        <name>ReportWindow</name>
        <message>
            <source>Report – mailguard</source>
            <extracomment>Reading and exporting reports; never an account's lane (see the module's docstring). Typing in the filter box refilters once the typing pauses this long. Asks where to save a CSV file (suggested file name in, path or None out); tests replace it rather than drive Qt's file dialog.</extracomment>
            <translation>Bericht – mailguard</translation>
        </message>
        <message>
            <source>&amp;Account:</source>
            <translation>&amp;Konto:</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Stored &amp;reports, newest first:</source>
            <translation>Gespeicherte &amp;Berichte, neueste zuerst:</translation>
        </message>
        <message>
            <source>Stored reports</source>
            <translation>Gespeicherte Berichte</translation>
        </message>
        <message>
            <source>&amp;Filter:</source>
            <translation>&amp;Filter:</translation>
        </message>
        <message>
            <source>Filter the table</source>
            <translation>Die Tabelle filtern</translation>
        </message>
        <message>
            <source>Text in any column (Ctrl+F)</source>
            <translation>Text in einer beliebigen Spalte (Strg+F)</translation>
        </message>
        <message>
            <source>Report categories</source>
            <translation>Kategorien des Berichts</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <source>Copy the selected rows as tab-separated text</source>
            <translation>Die gewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>Als CSV e&amp;xportieren …</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>Als CSV exportieren</translation>
        </message>
        <message>
            <source>Save the rows the current tab shows as a CSV file</source>
            <translation>Die Zeilen des aktuellen Reiters als CSV-Datei speichern</translation>
        </message>
        <message>
            <source>Res&amp;ync now</source>
            <translation>&amp;Jetzt abgleichen</translation>
        </message>
        <message>
            <source>Resync now</source>
            <translation>Jetzt abgleichen</translation>
        </message>
        <message>
            <source>Compare the mailbox with the snapshot now and store a new report</source>
            <translation>Das Postfach jetzt mit dem Ausgangsstand vergleichen und einen neuen Bericht speichern</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>Loading the report…</source>
            <translation>Bericht wird geladen …</translation>
        </message>
        <message>
            <source>No account yet — add one in Settings.</source>
            <translation>Noch kein Konto – legen Sie in den Einstellungen eines an.</translation>
        </message>
        <message>
            <source>No report yet — one is made after each maintenance window, or with Resync now.</source>
            <translation>Noch kein Bericht – einer entsteht nach jedem Wartungsfenster oder mit „Jetzt abgleichen“.</translation>
        </message>
        <message>
            <source>Report #{number} is no longer stored; the latest is shown.</source>
            <translation>Bericht Nr. {number} ist nicht mehr gespeichert; der neueste wird gezeigt.</translation>
        </message>
        <message>
            <source>The report cannot be read: {error}</source>
            <translation>Der Bericht lässt sich nicht lesen: {error}</translation>
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation>{shown} von {total} angezeigt</translation>
        </message>
        <message numerus="yes">
            <source>Copied %n row(s).</source>
            <translation>
                <numerusform>%n Zeile kopiert.</numerusform>
                <numerusform>%n Zeilen kopiert.</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving {path}…</source>
            <translation>{path} wird gespeichert …</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n row(s) to {path}.</source>
            <translation>
                <numerusform>%n Zeile in {path} gespeichert.</numerusform>
                <numerusform>%n Zeilen in {path} gespeichert.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was saved: {error}</source>
            <translation>Es wurde nichts gespeichert: {error}</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Resyncing… folder {done} of {total}, {messages} messages read</source>
            <translation>Gleiche ab … Ordner {done} von {total}, {messages} E-Mails gelesen</translation>
        </message>
        <message>
            <source>Resyncing…</source>
            <translation>Gleiche ab …</translation>
        </message>
    </context>
    <context>
        <name>RuleDialog</name>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Rule name</source>
            <translation>Name der Regel</translation>
        </message>
        <message>
            <source>Move messages by rule</source>
            <translation>E-Mails per Regel verschieben</translation>
        </message>
        <message>
            <source>New rule</source>
            <translation>Neue Regel</translation>
        </message>
        <message>
            <source>Filing rule</source>
            <translation>Ablageregel</translation>
        </message>
        <message>
            <source>A new rule</source>
            <translation>Eine neue Regel</translation>
        </message>
        <message>
            <source>R&amp;ule:</source>
            <translation>R&amp;egel:</translation>
        </message>
        <message>
            <source>From folder</source>
            <translation>Aus Ordner</translation>
        </message>
        <message>
            <source>&amp;From folder:</source>
            <translation>&amp;Aus Ordner:</translation>
        </message>
        <message>
            <source>To folder</source>
            <translation>In Ordner</translation>
        </message>
        <message>
            <source>&amp;Sender contains:</source>
            <translation>&amp;Absender enthält:</translation>
        </message>
        <message>
            <source>Re&amp;cipient (To or Cc) contains:</source>
            <translation>Em&amp;pfänger (An oder Cc) enthält:</translation>
        </message>
        <message>
            <source>Su&amp;bject contains:</source>
            <translation>&amp;Betreff enthält:</translation>
        </message>
        <message>
            <source>Also queue moving the matching mail no&amp;w</source>
            <translation>Passende E-Mails auch &amp;gleich zum Verschieben vormerken</translation>
        </message>
        <message>
            <source>Also move the matching mail no&amp;w</source>
            <translation>Passende E-Mails auch &amp;gleich verschieben</translation>
        </message>
        <message>
            <source>Sa&amp;ve rule</source>
            <translation>Regel &amp;speichern</translation>
        </message>
        <message>
            <source>&amp;Queue run</source>
            <translation>Ausführung &amp;vormerken</translation>
        </message>
        <message>
            <source>&amp;Run now</source>
            <translation>Jetzt &amp;ausführen</translation>
        </message>
        <message>
            <source>Added the filing rule '{rule}'.</source>
            <translation>Ablageregel „{rule}“ hinzugefügt.</translation>
        </message>
        <message>
            <source>No mail matches it now.</source>
            <translation>Zurzeit passt keine E-Mail dazu.</translation>
        </message>
        <message>
            <source>&amp;To folder:</source>
            <translation>&amp;In Ordner:</translation>
        </message>
        <message>
            <source>Sender contains</source>
            <translation>Absender enthält</translation>
        </message>
        <message>
            <source>Recipient contains</source>
            <translation>Empfänger enthält</translation>
        </message>
        <message>
            <source>Subject contains</source>
            <translation>Betreff enthält</translation>
        </message>
    </context>
    <context>
        <name>RulesTab</name>
        <message>
            <source>Mail in a folder that matches every condition of a rule goes to its target folder. mailguard runs the rules whenever folder edits are open.</source>
            <translation>E-Mails in einem Ordner, die alle Bedingungen einer Regel erfüllen, kommen in deren Zielordner. mailguard führt die Regeln aus, wann immer Ordneränderungen möglich sind.</translation>
        </message>
        <message>
            <source>Filing rules</source>
            <translation>Ablageregeln</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Regel</translation>
        </message>
        <message>
            <source>From folder</source>
            <translation>Aus Ordner</translation>
        </message>
        <message>
            <source>To folder</source>
            <translation>In Ordner</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Wenn</translation>
        </message>
        <message>
            <source>N&amp;ew rule…</source>
            <translation>N&amp;eue Regel …</translation>
        </message>
        <message>
            <source>Run &amp;now</source>
            <translation>Jetzt &amp;ausführen</translation>
        </message>
        <message>
            <source>Queue run</source>
            <translation>Ausführung vormerken</translation>
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation>&amp;Entfernen …</translation>
        </message>
        <message>
            <source>sender contains '{text}'</source>
            <translation>Absender enthält „{text}“</translation>
        </message>
        <message>
            <source>recipient contains '{text}'</source>
            <translation>Empfänger enthält „{text}“</translation>
        </message>
        <message>
            <source>subject contains '{text}'</source>
            <translation>Betreff enthält „{text}“</translation>
        </message>
        <message>
            <source>Remove filing rule</source>
            <translation>Ablageregel entfernen</translation>
        </message>
        <message>
            <source>Remove the filing rule '{rule}'?</source>
            <translation>Die Ablageregel „{rule}“ entfernen?</translation>
        </message>
        <message>
            <source>Mail it moved stays where it is.</source>
            <translation>Bereits verschobene E-Mails bleiben, wo sie sind.</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Removed the filing rule '{rule}'.</source>
            <translation>Ablageregel „{rule}“ entfernt.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings – mailguard</source>
            <extracomment>The first-run page's "Try the demo" (shown once ``offer_demo`` is called).</extracomment>
            <translation>Einstellungen – mailguard</translation>
        </message>
        <message>
            <source>Settings pages</source>
            <translation>Seiten der Einstellungen</translation>
        </message>
    </context>
    <context>
        <name>SourcesPage</name>
        <message>
            <source>Schedule sources</source>
            <translation>Zeitplanquellen</translation>
        </message>
        <message>
            <source>Reading {source}…</source>
            <translation>{source} wird gelesen …</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message numerus="yes">
            <source>%n maintenance window(s) found.</source>
            <translation>
                <numerusform>%n Wartungsfenster gefunden.</numerusform>
                <numerusform>%n Wartungsfenster gefunden.</numerusform>
            </translation>
        </message>
        <message>
            <source>high</source>
            <translation>hoch</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>low</source>
            <translation>niedrig</translation>
        </message>
        <message>
            <source>A mailbox source needs the sender address of the provider's notices: mailguard reads only those, not every mail in the folder.</source>
            <translation>Eine Postfach-Quelle braucht die Absenderadresse der Hinweise des Anbieters: mailguard liest nur diese, nicht jede E-Mail im Ordner.</translation>
        </message>
        <message>
            <source>Choose a schedule file</source>
            <translation>Zeitplan-Datei wählen</translation>
        </message>
        <message>
            <source>Schedules (*.ics *.json *.xml *.rss *.atom *.txt *.html);;All files (*)</source>
            <translation>Zeitpläne (*.ics *.json *.xml *.rss *.atom *.txt *.html);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>Format</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>Zeitzone</translation>
        </message>
        <message>
            <source>Components</source>
            <translation>Komponenten</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <source>Schedule sources of the account</source>
            <translation>Zeitplanquellen des Kontos</translation>
        </message>
        <message>
            <source>&amp;Remove source</source>
            <translation>Quelle &amp;entfernen</translation>
        </message>
        <message>
            <source>Remove the chosen source</source>
            <translation>Die gewählte Quelle entfernen</translation>
        </message>
        <message>
            <source>&amp;Location:</source>
            <translation>&amp;Ort:</translation>
        </message>
        <message>
            <source>Only mail &amp;from:</source>
            <translation>Nur E-Mails &amp;von:</translation>
        </message>
        <message>
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormat:</translation>
        </message>
        <message>
            <source>Com&amp;ponents:</source>
            <translation>Kom&amp;ponenten:</translation>
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation>&amp;Zeitzone:</translation>
        </message>
        <message>
            <source>Location of the schedule</source>
            <translation>Ort des Zeitplans</translation>
        </message>
        <message>
            <source>a status page or feed URL, a file, or mailbox:INBOX</source>
            <translation>eine Statusseite oder Feed-URL, eine Datei oder mailbox:INBOX</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Durchsuchen …</translation>
        </message>
        <message>
            <source>Sender address of the provider's notices</source>
            <translation>Absenderadresse der Hinweise des Anbieters</translation>
        </message>
        <message>
            <source>for mailbox: sources, e.g. noc@example.com</source>
            <translation>für mailbox:-Quellen, z. B. noc@example.com</translation>
        </message>
        <message>
            <source>Recognise automatically</source>
            <translation>Automatisch erkennen</translation>
        </message>
        <message>
            <source>Atlassian Statuspage</source>
            <translation>Atlassian Statuspage</translation>
        </message>
        <message>
            <source>Cachet</source>
            <translation>Cachet</translation>
        </message>
        <message>
            <source>Instatus</source>
            <translation>Instatus</translation>
        </message>
        <message>
            <source>iCalendar</source>
            <translation>iCalendar</translation>
        </message>
        <message>
            <source>RSS or Atom feed</source>
            <translation>RSS- oder Atom-Feed</translation>
        </message>
        <message>
            <source>Announcement text</source>
            <translation>Ankündigungstext</translation>
        </message>
        <message>
            <source>Components to keep</source>
            <translation>Zu berücksichtigende Komponenten</translation>
        </message>
        <message>
            <source>all; or a list such as: IMAP, E-Mail</source>
            <translation>alle; oder eine Liste wie: IMAP, E-Mail</translation>
        </message>
        <message>
            <source>Time zone of the source</source>
            <translation>Zeitzone der Quelle</translation>
        </message>
        <message>
            <source>this computer's zone; or e.g. Europe/Berlin</source>
            <translation>die Zeitzone dieses Rechners; oder z. B. Europe/Berlin</translation>
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation>Jetzt &amp;prüfen</translation>
        </message>
        <message>
            <source>Check the source now</source>
            <translation>Die Quelle jetzt prüfen</translation>
        </message>
        <message>
            <source>A&amp;dd source</source>
            <translation>Quelle hin&amp;zufügen</translation>
        </message>
        <message>
            <source>Add the source to the account</source>
            <translation>Die Quelle dem Konto hinzufügen</translation>
        </message>
        <message>
            <source>Window</source>
            <translation>Wartungsfenster</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Sicherheit</translation>
        </message>
        <message>
            <source>Maintenance windows the source announces</source>
            <translation>Wartungsfenster, die die Quelle ankündigt</translation>
        </message>
    </context>
    <context>
        <name>StatusWindow</name>
        <message>
            <source>&amp;mailguard</source>
            <translation>&amp;mailguard</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>TimingPage</name>
        <message>
            <source>Timing</source>
            <extracomment>The units a lead time is entered in, in minutes.</extracomment>
            <translation>Zeiten</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Gespeichert.</translation>
        </message>
        <message>
            <source>{duration} before</source>
            <translation>{duration} vorher</translation>
        </message>
        <message>
            <source>&amp;Warn before a window:</source>
            <translation>&amp;Warnen vor einem Wartungsfenster:</translation>
        </message>
        <message>
            <source>Safety &amp;margin:</source>
            <translation>Sicherheits&amp;abstand:</translation>
        </message>
        <message>
            <source>&amp;Backfill watch:</source>
            <translation>&amp;Nachlieferungsphase:</translation>
        </message>
        <message>
            <source>Warnings before a window</source>
            <translation>Warnungen vor einem Wartungsfenster</translation>
        </message>
        <message>
            <source>New warning: how long before</source>
            <translation>Neue Warnung: wie lange vorher</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Einheit</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>Stunden</translation>
        </message>
        <message>
            <source>days</source>
            <translation>Tage</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>&amp;Hinzufügen</translation>
        </message>
        <message>
            <source>Add the warning</source>
            <translation>Die Warnung hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <source>Remove the chosen warning</source>
            <translation>Die gewählte Warnung entfernen</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Safety margin in minutes</source>
            <translation>Sicherheitsabstand in Minuten</translation>
        </message>
        <message>
            <source>Backfill watch in minutes</source>
            <translation>Nachlieferungsphase in Minuten</translation>
        </message>
        <message>
            <source>Folder edits close this long before a window starts, and the first refresh after it waits this long.</source>
            <translation>So lange vor Beginn eines Wartungsfensters werden Ordneränderungen angehalten, und so lange wartet der erste Abgleich danach.</translation>
        </message>
        <message>
            <source>How long after a window mailguard keeps looking for late mail.</source>
            <translation>Wie lange mailguard nach einem Wartungsfenster noch auf nachgelieferte E-Mails achtet.</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Speichern</translation>
        </message>
        <message>
            <source>Restore &amp;defaults</source>
            <translation>&amp;Standardwerte</translation>
        </message>
        <message>
            <source>The guard uses changed timing at once.</source>
            <translation>Geänderte Zeiten gelten sofort.</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>No account yet: open Settings to add one</source>
            <translation>Noch kein Konto: Legen Sie in den Einstellungen eines an</translation>
        </message>
        <message>
            <source>{status} (provider's time: {span})</source>
            <translation>{status} (beim Anbieter: {span})</translation>
        </message>
        <message>
            <source>Problem: {problem}</source>
            <translation>Problem: {problem}</translation>
        </message>
        <message>
            <source>No maintenance announced</source>
            <translation>Keine Wartung angekündigt</translation>
        </message>
        <message>
            <source>E-mail maintenance in {countdown}, {start}–{end}</source>
            <translation>E-Mail-Wartung in {countdown}, {start}–{end}</translation>
        </message>
        <message>
            <source>E-mail maintenance starts in {countdown} ({start}–{end}): folder edits wait</source>
            <translation>E-Mail-Wartung beginnt in {countdown} ({start}–{end}): Ordneränderungen warten</translation>
        </message>
        <message>
            <source>E-mail maintenance until {end}: folder edits wait</source>
            <translation>E-Mail-Wartung bis {end}: Ordneränderungen warten</translation>
        </message>
        <message>
            <source>Watching for late mail after maintenance; edits are open</source>
            <translation>Achtet nach der Wartung auf Nachlieferungen; Änderungen sind möglich</translation>
        </message>
        <message>
            <source>Watching for late mail until {until}; folder edits open then</source>
            <translation>Achtet bis {until} auf Nachlieferungen; dann sind Ordneränderungen wieder möglich</translation>
        </message>
        <message>
            <source>Resync now</source>
            <translation>Jetzt abgleichen</translation>
        </message>
        <message>
            <source>{status} ({queued})</source>
            <translation>{status} ({queued})</translation>
        </message>
        <message>
            <source>{count} edit queued</source>
            <translation>{count} Änderung vorgemerkt</translation>
        </message>
        <message>
            <source>{count} edits queued</source>
            <translation>{count} Änderungen vorgemerkt</translation>
        </message>
        <message>
            <source>{account}: {status}</source>
            <translation>{account}: {status}</translation>
        </message>
        <message>
            <source>Resyncing… folder {done} of {total}, {messages} messages read</source>
            <translation>Gleiche ab … Ordner {done} von {total}, {messages} E-Mails gelesen</translation>
        </message>
        <message>
            <source>Resyncing…</source>
            <translation>Gleiche ab …</translation>
        </message>
        <message>
            <source>No maintenance window known</source>
            <translation>Kein Wartungsfenster bekannt</translation>
        </message>
        <message>
            <source>Current window: {title}, until {end}</source>
            <translation>Aktuelles Wartungsfenster: {title}, bis {end}</translation>
        </message>
        <message>
            <source>Next window: {title}, {start}–{end}</source>
            <translation>Nächstes Wartungsfenster: {title}, {start}–{end}</translation>
        </message>
    </context>
    <context>
        <name>TrayMenu</name>
        <message>
            <source>Check schedules now</source>
            <translation>Zeitpläne jetzt prüfen</translation>
        </message>
        <message>
            <source>Show report…</source>
            <translation>Bericht anzeigen …</translation>
        </message>
        <message>
            <source>Folders…</source>
            <translation>Ordner …</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Einstellungen …</translation>
        </message>
        <message>
            <source>Quit mailguard</source>
            <translation>mailguard beenden</translation>
        </message>
        <message>
            <source>Resync now</source>
            <translation>Jetzt abgleichen</translation>
        </message>
        <message>
            <source>Pause warnings</source>
            <translation>Warnungen pausieren</translation>
        </message>
        <message>
            <source>For 1 hour</source>
            <translation>Für 1 Stunde</translation>
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation>Bis morgen</translation>
        </message>
        <message>
            <source>Resume warnings</source>
            <translation>Warnungen fortsetzen</translation>
        </message>
    </context>
    <context>
        <name>UpcomingWindows</name>
        <message>
            <source>Maintenance windows – mailguard</source>
            <extracomment>Sort by the real moment, not by its text.</extracomment>
            <translation>Wartungsfenster – mailguard</translation>
        </message>
        <message>
            <source>Windows announced by your providers' schedules and those you entered. During a window and its backfill watch, folder edits wait.</source>
            <translation>Von den Zeitplänen Ihrer Anbieter angekündigte und von Ihnen eingetragene Wartungsfenster. Während eines Fensters und der Nachlieferungsphase warten Ordneränderungen.</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>Konto</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Ende</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>Confidence</source>
            <translation>Sicherheit</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <source>Maintenance windows</source>
            <translation>Wartungsfenster</translation>
        </message>
        <message>
            <source>No maintenance window is known.</source>
            <translation>Es ist kein Wartungsfenster bekannt.</translation>
        </message>
        <message>
            <source>Check schedules now</source>
            <translation>Zeitpläne jetzt prüfen</translation>
        </message>
        <message>
            <source>high</source>
            <translation>hoch</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>low</source>
            <translation>niedrig</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome</source>
            <extracomment>"Try the demo": the button shows once the app offers the demo (``offer_demo``).</extracomment>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>Welcome to mailguard</source>
            <translation>Willkommen bei mailguard</translation>
        </message>
        <message>
            <source>mailguard reads your mail provider's maintenance announcements and warns you before a maintenance window, holding back folder edits until it is over. Afterwards it compares your mailbox with a snapshot taken before the window and tells you which mail arrived late, went missing or moved.</source>
            <translation>mailguard liest die Wartungsankündigungen Ihres E-Mail-Anbieters, warnt Sie vor einem Wartungsfenster und hält Ordneränderungen zurück, bis es vorbei ist. Danach vergleicht es Ihr Postfach mit dem Ausgangsstand vor dem Fenster und zeigt, welche E-Mails nachgeliefert wurden, fehlen oder verschoben wurden.</translation>
        </message>
        <message>
            <source>&amp;Add your mail account…</source>
            <translation>&amp;E-Mail-Konto hinzufügen …</translation>
        </message>
        <message>
            <source>Add your mail account</source>
            <translation>E-Mail-Konto hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Try the demo</source>
            <translation>&amp;Demo ansehen</translation>
        </message>
        <message>
            <source>Try the demo</source>
            <translation>Demo ansehen</translation>
        </message>
    </context>
</TS>
