<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
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
</TS>
