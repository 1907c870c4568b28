<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AccountDialog</name>
        <message>
            <source>Enter the IMAP server, the user name and the password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Logging in and saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Testing the connection…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server presented a certificate with this SHA-256 fingerprint:
{fingerprint}

Trust it only if it matches the fingerprint your provider or administrator gave you.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The connection works.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected to {address} ({security}) and logged in as {user}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Capabilities: {capabilities}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incremental resync (CONDSTORE/QRESYNC): {answer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Instant notice of new mail (IDLE): {answer}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default ({port})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the server's CA certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add account – mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit account – mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IMAP ser&amp;ver:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>IMAP server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Se&amp;curity:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Security</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA &amp;file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CA file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trusted certificate:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trusted certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for example: work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>imap.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stored in the keyring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leave empty to keep the stored password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only for a server with its own CA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SSL/TLS (port 993)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>STARTTLS (port 143)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None (only on this computer)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a CA file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F&amp;orget</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Forget the trusted certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Test connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>T&amp;rust this certificate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server's answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AccountScopedPage</name>
        <message>
            <source>&amp;Account:</source>
            <extracomment>Settings files and the database; one lane, so writes never overlap. Logging in to test an account (up to 30 s when a server does not answer). Reading a schedule source for "Check now".</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>Accounts</source>
            <extracomment>An account was added (its name): the window moves on from the first-run page.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account {name} added.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account {name} saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>its password in the keyring</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n snapshot(s)</source>
            <translation>
                <numerusform>%n snapshot</numerusform>
                <numerusform>%n snapshots</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n report(s)</source>
            <translation>
                <numerusform>%n report</numerusform>
                <numerusform>%n reports</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n queued folder edit(s), which will not run</source>
            <translation>
                <numerusform>%n queued folder edit, which will not run</numerusform>
                <numerusform>%n queued folder edits, which will not run</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n manual maintenance window(s)</source>
            <translation>
                <numerusform>%n manual maintenance window</numerusform>
                <numerusform>%n manual maintenance windows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n filing rule(s)</source>
            <translation>
                <numerusform>%n filing rule</numerusform>
                <numerusform>%n filing rules</numerusform>
            </translation>
        </message>
        <message>
            <source>Remove account – mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the account {name}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This also removes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The mail on the server stays as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removing {name}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account {name} removed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: {user} at {host}:{port}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add an account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit the chosen account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the chosen account</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DiagnosticsPage</name>
        <message>
            <source>Diagnostics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking… (this logs in to every account)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>ok: {check}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>problem: {check}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fix: {fix}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All is well.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n problem(s) found; each says how to fix it.</source>
            <translation>
                <numerusform>%n problem found; it says how to fix it.</numerusform>
                <numerusform>%n problems found; each says how to fix it.</numerusform>
            </translation>
        </message>
        <message>
            <source>What mailguard needs, checked: the keyring, the tray, notifications, its files, every account's login and every schedule source (the same checks as: mailguard doctor).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Run the checks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Results of the checks</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Duration</name>
        <message>
            <source>{seconds} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{days} d {hours} h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{days} d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{hours} h {minutes} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{hours} h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{minutes} min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FolderDesk</name>
        <message>
            <source>Working…</source>
            <extracomment>False while the window is closed: rounds then only update the standing, the next ``use_account`` reads everything afresh.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another change is still running; try again when it is done.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No mail matches the filing rule '{rule}' now.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FolderNameDialog</name>
        <message>
            <source>Folder name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A folder with this name exists already.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FolderTexts</name>
        <message>
            <source>Create folder '{folder}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename folder '{folder}' to '{new_name}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete folder '{folder}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interrupted, resumes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>skipped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder edits wait until {reopen}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance window '{title}' starts at {start} and lasts until {end}; folder edits open again at {reopen}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance window '{title}' ended at {end}; mailguard watches for late mail, and folder edits open again at {reopen}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance window '{title}' until {end}; folder edits open again at {reopen}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued as #{id}: {what}; it runs once edits open again at {reopen}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued as #{id}: {what}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FolderTreeTab</name>
        <message>
            <source>Folder</source>
            <extracomment>The full name of the folder an item stands for ("" for a level that is no folder).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue new folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rename…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue rename…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Move messages by rule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue move by rule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refres&amp;h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading the folders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>INBOX cannot be renamed or deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new folder's full name; '{delimiter}' separates the levels, as in 'Archive{delimiter}2026'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Queue creation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new full name of '{folder}':</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Queue renaming</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rename</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Counting the messages in '{folder}'…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Delete '{folder}' and its %n message(s)? They cannot be restored.</source>
            <translation>
                <numerusform>Delete '{folder}' and its %n message? It cannot be restored.</numerusform>
                <numerusform>Delete '{folder}' and its %n messages? They cannot be restored.</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete the empty folder '{folder}'?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It runs once edits open again at {reopen}. Should the folder hold more mail by then, nothing is deleted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Queue delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FoldersWindow</name>
        <message>
            <source>Folders – mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open edits now…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open folder edits now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filing r&amp;ules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Queued operations</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Queued operations (%n)</source>
            <translation>
                <numerusform>&amp;Queued operations (%n)</numerusform>
                <numerusform>&amp;Queued operations (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Open folder edits before the backfill watch ends?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open edits now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder edits are open again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No account yet: add one in Settings.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <source>General</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show desktop &amp;notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show desktop notifications</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Start mailguard when I log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start mailguard when I log in</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualWindowsPage</name>
        <message>
            <source>Manual windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A window must end after it starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove window – mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the window “{title}” ({start} – {end})?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mailguard will no longer hold back folder edits for it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Manual maintenance windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove window…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the chosen window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Title:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Starts:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Ends:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title of the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>what the provider calls it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start of the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>End of the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times are in your time zone, {zone}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;dd window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the window</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Notification</name>
        <message>
            <source>Don't create, rename or delete folders or move mail in any mail program until it is over; mail that matters may arrive late.</source>
            <extracomment>What every maintenance notice reminds of (the providers' own advice).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mailguard cannot look after {account}</source>
            <extracomment>Notifications with the same thread replace each other's bubble on screen.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} (for {how_long})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync of {account} failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}, {start}–{end}. {advice}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance announced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance rescheduled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title}, {start}–{end}, will not take place.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance in {countdown}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance has started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance is over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mailguard compares your mailbox with the state before {title} and watches for mail the provider delivers late. Folder edits still wait.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder edits are open again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The backfill watch after {title} has ended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} late mail in {folders}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} late mails in {folders}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The provider delivered them after the maintenance. Refresh these folders.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} mail sent during maintenance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} mails sent during maintenance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>They may not have been delivered; consider sending them again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another program changed your mail during maintenance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{change}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing late or missing so far; mailguard keeps watching for mail the provider delivers late.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing changed: no mail late or missing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{late} late, {missing} missing, {moved} moved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mailbox compared after {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync of {account} finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} queued folder edit ran</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} queued folder edits ran</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{done} done, {skipped} skipped (see the queue).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} more mailguard message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} more mailguard messages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>See the tray menu and the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>QueueTab</name>
        <message>
            <source>Queued operations</source>
            <extracomment>The journal entry's id on each row.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>#</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ca&amp;ncel operation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was queued for this account.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n operation(s) wait; they run in this order once edits open again at {reopen}.</source>
            <translation>
                <numerusform>%n operation waits; it runs once edits open again at {reopen}.</numerusform>
                <numerusform>%n operations wait; they run in this order once edits open again at {reopen}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n operation(s) wait for their turn.</source>
            <translation>
                <numerusform>%n operation waits for its turn.</numerusform>
                <numerusform>%n operations wait for their turn.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing waits; earlier operations are listed with their outcome.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled #{id}: {what}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportTables</name>
        <message>
            <source>#</source>
            <extracomment>The folders tab's key beside the mail categories'. The tabs, in the order they are shown. Which tab a freshly opened report shows: the first of these that has rows. The columns every mail table starts with, and where the two moments are.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Late mail (backfill watch)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync, full</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync, incremental</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind}, preliminary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{title}”, {start} – {end}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n late</source>
            <translation>
                <numerusform>%n late</numerusform>
                <numerusform>%n late</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n missing</source>
            <translation>
                <numerusform>%n missing</numerusform>
                <numerusform>%n missing</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sent during the window</source>
            <translation>
                <numerusform>%n sent during the window</numerusform>
                <numerusform>%n sent during the window</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n moved</source>
            <translation>
                <numerusform>%n moved</numerusform>
                <numerusform>%n moved</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with changed flags</source>
            <translation>
                <numerusform>%n with changed flags</numerusform>
                <numerusform>%n with changed flags</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n new</source>
            <translation>
                <numerusform>%n new</numerusform>
                <numerusform>%n new</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n folder change(s)</source>
            <translation>
                <numerusform>%n folder change</numerusform>
                <numerusform>%n folder changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n copy change(s)</source>
            <translation>
                <numerusform>%n copy change</numerusform>
                <numerusform>%n copy changes</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report #{number}: late mail found by the backfill watch at {made}, compared with the snapshot of {taken}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report #{number}: full resync at {made}, compared with the snapshot of {taken}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report #{number}: incremental resync at {made}, compared with the snapshot of {taken}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance window: {window}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Preliminary: made before the maintenance window was over; the provider may still deliver or change mail.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync after {moment} for the final comparison.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Late (%n)</source>
            <translation>
                <numerusform>&amp;Late (%n)</numerusform>
                <numerusform>&amp;Late (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail that was not in the snapshot although it is dated before it or inside the maintenance window: the provider delivered it late.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Late mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;New (%n)</source>
            <translation>
                <numerusform>&amp;New (%n)</numerusform>
                <numerusform>&amp;New (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail that arrived after the snapshot, dated after it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New mail</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Missing (%n)</source>
            <translation>
                <numerusform>&amp;Missing (%n)</numerusform>
                <numerusform>&amp;Missing (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail the snapshot saw that is now in no folder. What you can do: look in your webmail, its trash too, searching for the subject or the Message-ID; wait, as the provider may still restore it (mailguard reports mail that comes back); or ask the provider to restore it, naming the Message-ID and the folder and UID shown here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missing mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>UID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message-ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Mo&amp;ved (%n)</source>
            <translation>
                <numerusform>Mo&amp;ved (%n)</numerusform>
                <numerusform>Mo&amp;ved (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail now in another folder than in the snapshot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{source} → {target}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Fla&amp;gs changed (%n)</source>
            <translation>
                <numerusform>Fla&amp;gs changed (%n)</numerusform>
                <numerusform>Fla&amp;gs changed (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail whose flags (read, flagged, answered …) changed since the snapshot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mail with changed flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lost flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gained flags</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>&amp;Sent during the window (%n)</source>
            <translation>
                <numerusform>&amp;Sent during the window (%n)</numerusform>
                <numerusform>&amp;Sent during the window (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Mail you sent during the maintenance window. It may not have been delivered; consider re-sending it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mail sent during the window</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Co&amp;pies (%n)</source>
            <translation>
                <numerusform>Co&amp;pies (%n)</numerusform>
                <numerusform>Co&amp;pies (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Copies of a message that is also in another folder, added or removed (servers such as Gmail keep one message in several folders).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copies added or removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also in</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>F&amp;olders (%n)</source>
            <translation>
                <numerusform>F&amp;olders (%n)</numerusform>
                <numerusform>F&amp;olders (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Folders added, removed, renamed or renumbered since the snapshot.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no subject)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>renamed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>renumbered by the server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dated before the snapshot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dated inside the window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>answered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>flagged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>deleted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>draft</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportWindow</name>
        <message>
            <source>Report – mailguard</source>
            <extracomment>Reading and exporting reports; never an account's lane (see the module's docstring). Typing in the filter box refilters once the typing pauses this long. Asks where to save a CSV file (suggested file name in, path or None out); tests replace it rather than drive Qt's file dialog.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Account:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored &amp;reports, newest first:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stored reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter the table</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text in any column (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report categories</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the selected rows as tab-separated text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the rows the current tab shows as a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Res&amp;ync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare the mailbox with the snapshot now and store a new report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No account yet — add one in Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No report yet — one is made after each maintenance window, or with Resync now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Report #{number} is no longer stored; the latest is shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The report cannot be read: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Copied %n row(s).</source>
            <translation>
                <numerusform>Copied %n row.</numerusform>
                <numerusform>Copied %n rows.</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving {path}…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Saved %n row(s) to {path}.</source>
            <translation>
                <numerusform>Saved %n row to {path}.</numerusform>
                <numerusform>Saved %n rows to {path}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resyncing… folder {done} of {total}, {messages} messages read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resyncing…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RuleDialog</name>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move messages by rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filing rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R&amp;ule:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;From folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Sender contains:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;cipient (To or Cc) contains:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Su&amp;bject contains:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also queue moving the matching mail no&amp;w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also move the matching mail no&amp;w</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sa&amp;ve rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Queue run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Run now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Added the filing rule '{rule}'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No mail matches it now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;To folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender contains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipient contains</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject contains</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RulesTab</name>
        <message>
            <source>Mail in a folder that matches every condition of a rule goes to its target folder. mailguard runs the rules whenever folder edits are open.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filing rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>To folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>N&amp;ew rule…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run &amp;now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queue run</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;move…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sender contains '{text}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>recipient contains '{text}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>subject contains '{text}'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove filing rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the filing rule '{rule}'?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mail it moved stays where it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed the filing rule '{rule}'.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsWindow</name>
        <message>
            <source>Settings – mailguard</source>
            <extracomment>The first-run page's "Try the demo" (shown once ``offer_demo`` is called).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings pages</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SourcesPage</name>
        <message>
            <source>Schedule sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading {source}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n maintenance window(s) found.</source>
            <translation>
                <numerusform>%n maintenance window found.</numerusform>
                <numerusform>%n maintenance windows found.</numerusform>
            </translation>
        </message>
        <message>
            <source>high</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>medium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>low</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A mailbox source needs the sender address of the provider's notices: mailguard reads only those, not every mail in the folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a schedule file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedules (*.ics *.json *.xml *.rss *.atom *.txt *.html);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Components</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Schedule sources of the account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the chosen source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Location:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only mail &amp;from:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F&amp;ormat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Com&amp;ponents:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time &amp;zone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Location of the schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>a status page or feed URL, a file, or mailbox:INBOX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sender address of the provider's notices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>for mailbox: sources, e.g. noc@example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recognise automatically</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Atlassian Statuspage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cachet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Instatus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>iCalendar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>RSS or Atom feed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Announcement text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Components to keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>all; or a list such as: IMAP, E-Mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone of the source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this computer's zone; or e.g. Europe/Berlin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Check now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check the source now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;dd source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the source to the account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance windows the source announces</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StatusWindow</name>
        <message>
            <source>&amp;mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimingPage</name>
        <message>
            <source>Timing</source>
            <extracomment>The units a lead time is entered in, in minutes.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{duration} before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Warn before a window:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safety &amp;margin:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Backfill watch:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warnings before a window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New warning: how long before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the chosen warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Safety margin in minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Backfill watch in minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder edits close this long before a window starts, and the first refresh after it waits this long.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How long after a window mailguard keeps looking for late mail.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restore &amp;defaults</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The guard uses changed timing at once.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>No account yet: open Settings to add one</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{status} (provider's time: {span})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No maintenance announced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance in {countdown}, {start}–{end}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance starts in {countdown} ({start}–{end}): folder edits wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E-mail maintenance until {end}: folder edits wait</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watching for late mail after maintenance; edits are open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Watching for late mail until {until}; folder edits open then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{status} ({queued})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} edit queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count} edits queued</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{account}: {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resyncing… folder {done} of {total}, {messages} messages read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resyncing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No maintenance window known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current window: {title}, until {end}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next window: {title}, {start}–{end}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TrayMenu</name>
        <message>
            <source>Check schedules now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show report…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folders…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resync now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>For 1 hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Until tomorrow</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resume warnings</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UpcomingWindows</name>
        <message>
            <source>Maintenance windows – mailguard</source>
            <extracomment>Sort by the real moment, not by its text.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Windows announced by your providers' schedules and those you entered. During a window and its backfill watch, folder edits wait.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ends</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Confidence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maintenance windows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No maintenance window is known.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check schedules now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>high</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>medium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>low</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>Welcome</source>
            <extracomment>"Try the demo": the button shows once the app offers the demo (``offer_demo``).</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to mailguard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>mailguard reads your mail provider's maintenance announcements and warns you before a maintenance window, holding back folder edits until it is over. Afterwards it compares your mailbox with a snapshot taken before the window and tells you which mail arrived late, went missing or moved.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add your mail account…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add your mail account</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Try the demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try the demo</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
