<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</TS>
