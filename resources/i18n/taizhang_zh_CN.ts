<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="81"/>
        <source>Backups and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="83"/>
        <source>A backup is a copy of the whole database. One is made on each day you work, and before every import, plan deletion, upgrade and restore. The newest 20 are kept, and one for each month before them.

Folder: %1</source>
        <translation>备份是整个数据库的副本。每个使用日自动备份一次；每次导入、删除计划、升级和恢复之前也会先备份。保留最近的 20 份，更早的每月保留一份。

备份文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="96"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="97"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="98"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="148"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="149"/>
        <source>The data is now as it was on %1. The state before the restore was backed up too, and is listed as “Before a restore”.</source>
        <translation>数据已恢复到 %1 时的状态。恢复之前的状态也已备份，列为“恢复之前”。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="155"/>
        <source>Restore the backup of %1 (%2 plans, %3 tasks)?

All plans and progress will be as they were then; changes made since are replaced. The current state is backed up first, so you can go back to it.</source>
        <translation>恢复 %1 的备份（%2 个计划，%3 项任务）？

所有计划和进度都将回到当时的状态，此后所做的更改会被替换。恢复前会先备份当前状态，需要时可以再恢复回来。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="159"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_menu.py" line="13"/>
        <source>&amp;Backups and restore…</source>
        <translation>备份与恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_menu.py" line="14"/>
        <source>Back up the database now, or go back to an earlier backup</source>
        <translation>立即备份数据库，或恢复到以前的备份</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="37"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="37"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="37"/>
        <source>Plans</source>
        <translation>计划数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="37"/>
        <source>Tasks</source>
        <translation>任务数</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/backup_dialog.py" line="57"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="33"/>
        <source>Carry over unfinished tasks</source>
        <translation>结转未完成任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="35"/>
        <source>A new plan is made with the %1 unfinished tasks (not started, in progress or ongoing) of “%2”, with their sections, units, deadlines and notes. The old plan stays as it is.</source>
        <translation>将“%2”中 %1 项未完成的任务（未开始、进行中、持续推进）连同所在部分、责任单位、时限和完成情况结转为一个新计划，原计划保持不变。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="39"/>
        <source>%1 (carried over)</source>
        <translation>%1（结转）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="44"/>
        <source>New plan title:</source>
        <translation>新计划名称：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="45"/>
        <source>Year:</source>
        <translation>年度：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="47"/>
        <source>Carry over</source>
        <translation>结转</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/carry_over.py" line="77"/>
        <source>Carried over %1 tasks into “%2”.</source>
        <translation>已将 %1 项任务结转到“%2”。</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <location filename="../../gui/window/retry.py" line="75"/>
        <source>Changes not saved</source>
        <translation>有更改尚未保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/window/retry.py" line="76"/>
        <source>%n change(s) could not be saved yet: %1

If you close the window now, they are lost. Fix the problem (for example put the USB stick back) and they are saved automatically.</source>
        <translation>
            <numerusform>有 %n 处更改尚未保存：%1

现在关闭窗口，这些更改将会丢失。排除问题（例如重新插好 U 盘）后，它们会自动保存。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/window/retry.py" line="81"/>
        <source>Keep the window open</source>
        <translation>保持窗口打开</translation>
    </message>
    <message>
        <location filename="../../gui/window/retry.py" line="82"/>
        <source>Close and lose them</source>
        <translation>关闭并放弃这些更改</translation>
    </message>
</context>
<context>
    <name>CollectDialog</name>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="56"/>
        <source>Make fill-in workbooks</source>
        <translation>生成填报表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="57"/>
        <source>Each unit gets an Excel workbook of its tasks: the task columns are locked, the unit fills in status, completion note, completion date and progress, and sends it back. Bring the returned files in with “Import filled workbooks…”.</source>
        <translation>为每个单位生成一份 Excel 填报表，列出该单位的任务：任务各列已锁定，单位填写状态、完成情况、完成日期和进展后交回。交回的文件用“导入填报表…”合并。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="64"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="65"/>
        <source>Select none</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="69"/>
        <source>Another unit, e.g. a township the plan names only as 各乡镇人民政府</source>
        <translation>其他单位，如计划中只以“各乡镇人民政府”统称的某个乡镇</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="71"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="74"/>
        <source>One workbook per unit</source>
        <translation>每个单位一个文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="75"/>
        <source>One workbook for all chosen units (a sheet each)</source>
        <translation>所选单位合为一个文件（每个单位一张工作表）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="81"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="85"/>
        <source>Make workbooks</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="91"/>
        <source>Units (tasks to report on):</source>
        <translation>单位（需填报的任务数）：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="105"/>
        <source>Save in folder:</source>
        <translation>保存到文件夹：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="118"/>
        <source>%1 (%2 tasks)</source>
        <translation>%1（%2 项）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="146"/>
        <source>The plan gives “%1” no task, not even through a collective name such as 县直各单位.</source>
        <translation>计划中没有“%1”的任务（包括“县直各单位”等统称在内）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="155"/>
        <source>Choose at least one unit.</source>
        <translation>请至少选择一个单位。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="157"/>
        <source>Makes %1 workbooks, one per unit.</source>
        <translation>将生成 %1 个填报表，每个单位一个。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="159"/>
        <source>Makes one workbook with a sheet for each of %1 units.</source>
        <translation>将生成一个填报表，%1 个单位各占一张工作表。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="169"/>
        <source>Save fill-in workbooks in</source>
        <translation>填报表保存到</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="184"/>
        <source>Choose an existing folder to save the workbooks in.</source>
        <translation>请选择一个已有的文件夹来保存填报表。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="208"/>
        <source>These files already exist in the folder:
%1
Replace them?</source>
        <translation>文件夹中已有以下文件：
%1
要替换吗？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="215"/>
        <source>Made %1 fill-in workbooks in:
%2
Send each unit its file; import the returned files with “Import filled workbooks…”.</source>
        <translation>已生成 %1 个填报表，保存在：
%2
请把文件分别发给各单位；交回后用“导入填报表…”合并。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_dialog.py" line="218"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
</context>
<context>
    <name>CollectMenu</name>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="21"/>
        <source>&amp;Returns</source>
        <translation>填报与对比(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="24"/>
        <source>&amp;Make fill-in workbooks…</source>
        <translation>生成填报表(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="25"/>
        <source>An Excel workbook for each unit to fill in its tasks&apos; progress and send back</source>
        <translation>为各单位生成 Excel 填报表，填写任务进展后交回</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="28"/>
        <source>&amp;Import filled workbooks…</source>
        <translation>导入填报表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="29"/>
        <source>Merge the workbooks the units sent back, after a preview of what changes</source>
        <translation>合并各单位交回的填报表，先预览会改动什么</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="32"/>
        <source>&amp;Compare with another plan…</source>
        <translation>与另一计划比较(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="33"/>
        <source>New, dropped and reworded tasks, and changed units and deadlines, against another plan</source>
        <translation>与另一计划相比：新增、删除、改写的任务，以及单位和时限的变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="73"/>
        <source>Merged the returns into %1 tasks (Undo takes it back).</source>
        <translation>已合并填报，改动 %1 项任务（可撤销）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/collect_menu.py" line="89"/>
        <source>Import filled workbooks</source>
        <translation>导入填报表</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/editing/commands.py" line="127"/>
        <source>Edit note</source>
        <translation>修改完成情况</translation>
    </message>
    <message>
        <location filename="../../gui/editing/commands.py" line="151"/>
        <source>Change completion date</source>
        <translation>修改完成日期</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_commands.py" line="25"/>
        <source>Defer deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_commands.py" line="48"/>
        <source>Add progress</source>
        <translation>添加进展</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_commands.py" line="72"/>
        <source>Merge returned ledgers</source>
        <translation>合并填报</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_commands.py" line="93"/>
        <source>Take deferral back</source>
        <translation>撤销延期</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_commands.py" line="107"/>
        <source>Remove progress</source>
        <translation>删除进展</translation>
    </message>
    <message>
        <location filename="../../gui/editing/evidence_commands.py" line="62"/>
        <source>Attach “%1”</source>
        <translation>添加佐证材料“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/evidence_commands.py" line="73"/>
        <source>Add link</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <location filename="../../gui/editing/evidence_commands.py" line="84"/>
        <source>Remove “%1”</source>
        <translation>移除“%1”</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../gui/window/dashboard.py" line="232"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="233"/>
        <source>Due in %1 days</source>
        <translation>%1天内到期</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="235"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="236"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="237"/>
        <source>Mine, unfinished</source>
        <translation>我的未完成</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="250"/>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="262"/>
        <source>Progress by section</source>
        <translation>各部分进度</translation>
    </message>
    <message>
        <location filename="../../gui/window/dashboard.py" line="346"/>
        <source>Due soon (overdue, or due within %1 days): %2</source>
        <translation>近期到期（已逾期或%1天内到期）：%2 项</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <location filename="../../gui/app/db_open.py" line="49"/>
        <source>The file may have been damaged by a power cut, by a USB stick pulled out while saving, or by a disk fault. Taizhang will not change or repair it. You can restore a backup: the damaged file is kept beside it.</source>
        <translation>文件可能因断电、保存时拔出 U 盘或磁盘故障而损坏。要点台账不会修改或修复它。可以恢复一份备份，损坏的文件会保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="52"/>
        <source>The file is empty (0 bytes), although backups of it exist: what it held was lost, perhaps by a crash while it was being copied. Taizhang will not write over it. Restore a backup: the empty file is kept beside it.</source>
        <translation>文件是空的（0 字节），但它有备份：里面的内容已经丢失，可能是复制过程中程序崩溃或断电所致。要点台账不会覆盖它。请恢复一份备份：这个空文件会改名保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="55"/>
        <source>The file is not a Taizhang database (it may belong to another program). It has not been changed.</source>
        <translation>该文件不是要点台账的数据库（可能属于其他程序），未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="57"/>
        <source>It was saved by a newer version of Taizhang. Install that version to keep working with it. Restoring an older backup instead loses the changes made since; the file itself is kept.</source>
        <translation>该文件由更新版本的要点台账保存，请安装该版本后继续使用。若改为恢复较早的备份，此后所做的更改会丢失；文件本身会保留。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="60"/>
        <source>The file or its folder cannot be written (read-only, or no permission). Copy the database to a folder you can write to, or choose another database.</source>
        <translation>文件或其所在文件夹不能写入（只读或没有权限）。请把数据库复制到可以写入的文件夹，或选择另一个数据库。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="63"/>
        <source>Another program is using the database (perhaps a backup or sync tool). Close it, then try again.</source>
        <translation>另一个程序正在使用该数据库（可能是备份或同步工具）。请关闭它后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="65"/>
        <source>The folder that holds the database is not there: perhaps the USB stick is not plugged in, or the folder was moved or renamed. Plug it in and try again, or choose another database.</source>
        <translation>存放数据库的文件夹不在了：可能是 U 盘没有插好，或文件夹被移动、改名。插好后点“重试”，或选择另一个数据库。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="68"/>
        <source>The database file is not there, but backups of it are. Restore one, or start with an empty database.</source>
        <translation>数据库文件不见了，但有它的备份。可以恢复一份备份，或从空数据库开始。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="71"/>
        <source>Choose another database file, or try again later.</source>
        <translation>请选择另一个数据库文件，或稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="142"/>
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="143"/>
        <source>Taizhang databases (*.sqlite3);;All files (*)</source>
        <translation>要点台账数据库 (*.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="180"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="181"/>
        <source>The backup was restored. The file that could not be opened is kept as:
%1</source>
        <translation>备份已恢复。无法打开的文件保留为：
%1</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../gui/app/db_open.py" line="81"/>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="98"/>
        <source>Backups of this database:</source>
        <translation>该数据库的备份：</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="104"/>
        <source>Restore the chosen backup</source>
        <translation>恢复所选备份</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="105"/>
        <source>Start an empty database</source>
        <translation>从空数据库开始</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="106"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="107"/>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/app/db_open.py" line="108"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DeadlineBox</name>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="34"/>
        <source>Defer…</source>
        <translation>延期…</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="35"/>
        <source>Move the deadline with a reason and the approval</source>
        <translation>写明原因和批准情况，调整完成时限</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="37"/>
        <source>Take deferral back</source>
        <translation>撤销延期</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="38"/>
        <source>The task is judged by the deadline before this deferral again</source>
        <translation>撤销后按延期前的时限判断是否逾期</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="71"/>
        <source>deferred to %1</source>
        <translation>延期至 %1</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="72"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="73"/>
        <source>Approved: %1</source>
        <translation>批准：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/deadline_box.py" line="42"/>
        <location filename="../../gui/window/deadline_box.py" line="62"/>
        <source>(overdue)</source>
        <translation>（已逾期）</translation>
    </message>
</context>
<context>
    <name>DeadlineRow</name>
    <message>
        <location filename="../../gui/window/node_editor.py" line="41"/>
        <source>As printed, e.g. 6月底前</source>
        <translation>原文写法，如“6月底前”</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="46"/>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="50"/>
        <source>Remove this deadline</source>
        <translation>删除这条时限</translation>
    </message>
</context>
<context>
    <name>DeferDialog</name>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="37"/>
        <source>Defer deadline</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="42"/>
        <source>%1, now %2</source>
        <translation>%1，现为%2</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="52"/>
        <source>Why the deadline moves (required)</source>
        <translation>延期原因（必填）</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="54"/>
        <source>Who approved it, or the document number (optional)</source>
        <translation>批准人或批准文号（选填）</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="56"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="57"/>
        <source>Deadline now:</source>
        <translation>现时限：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="58"/>
        <source>New deadline:</source>
        <translation>延期至：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="60"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="61"/>
        <source>Approved by / document no.:</source>
        <translation>批准人/文号：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="63"/>
        <source>Defer</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="77"/>
        <source>Reports will say: deferred to %1</source>
        <translation>报告中写作：经批准延期至%1</translation>
    </message>
    <message>
        <location filename="../../gui/editing/defer_dialog.py" line="78"/>
        <source>This is the deadline already</source>
        <translation>与现时限相同</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="79"/>
        <source>Select a task on the left to see and record its progress.</source>
        <translation>在左侧选择一项任务，即可查看并登记其完成情况。</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="102"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="103"/>
        <source>Deadline:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="104"/>
        <source>Progress:</source>
        <translation>完成进度：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="153"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="155"/>
        <source>Recorded</source>
        <translation>已填写</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="156"/>
        <source>Untick when the task has no completion date</source>
        <translation>没有完成日期时请取消勾选</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="166"/>
        <source>Completion date:</source>
        <translation>完成日期：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="169"/>
        <source>What was done, with dates and links to the published pages… Saved automatically.</source>
        <translation>填写具体做了哪些工作、完成时间、发布网址等……内容自动保存。</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="174"/>
        <source>Progress note:</source>
        <translation>完成情况：</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="177"/>
        <location filename="../../gui/window/detail_panel.py" line="396"/>
        <source>Write from progress entries</source>
        <translation>由进展生成</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="178"/>
        <source>Replace the note with the progress entries, oldest first (Undo takes it back)</source>
        <translation>按时间先后把各条进展写成完成情况，替换现有内容（可撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="191"/>
        <location filename="../../gui/window/detail_panel.py" line="198"/>
        <source>Progress entries</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="324"/>
        <source>Last changed %1</source>
        <translation>最近修改：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="333"/>
        <source>Not saved yet: will be saved automatically once possible</source>
        <translation>尚未保存：恢复后将自动保存</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="346"/>
        <source>Set “%1” to %2</source>
        <translation>将“%1”设为%2</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="397"/>
        <source>Replace the note with the progress entries? Edit ▸ Undo brings the old note back.</source>
        <translation>用各条进展替换现有的完成情况吗？可用“编辑 ▸ 撤销”恢复原来的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/window/detail_panel.py" line="402"/>
        <source>Write “%1” from progress</source>
        <translation>由进展生成“%1”的完成情况</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="82"/>
        <source>Compare plans</source>
        <translation>计划对比</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="93"/>
        <source>Swap</source>
        <translation>对调</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="94"/>
        <source>Swap the old and the new plan</source>
        <translation>对调原计划和新计划</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="119"/>
        <source>Double-click a task to show it in the main window</source>
        <translation>双击任务，在主窗口中显示它</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="120"/>
        <source>Export Word…</source>
        <translation>导出 Word…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="121"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="131"/>
        <source>Old plan:</source>
        <translation>原计划：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="134"/>
        <source>New plan:</source>
        <translation>新计划：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="138"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="198"/>
        <source>Choose two different plans: the old one and the new one.</source>
        <translation>请选择两个不同的计划：原计划和新计划。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="207"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="241"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="241"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="265"/>
        <source>Save comparison as</source>
        <translation>对比结果另存为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="269"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_dialog.py" line="270"/>
        <source>Open it now?</source>
        <translation>现在打开吗？</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="37"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="37"/>
        <source>Dropped</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="38"/>
        <source>Reworded</source>
        <translation>改写</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="38"/>
        <source>Same</source>
        <translation>相同</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="39"/>
        <source>Adjusted</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="48"/>
        <source>All changes</source>
        <translation>全部变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="48"/>
        <source>New tasks</source>
        <translation>新增任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="49"/>
        <source>Dropped tasks</source>
        <translation>删除的任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="49"/>
        <source>Reworded tasks</source>
        <translation>改写的任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="50"/>
        <source>Units changed</source>
        <translation>单位变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="50"/>
        <source>Deadlines changed</source>
        <translation>时限变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="51"/>
        <location filename="../../gui/dialogs/diff_view.py" line="122"/>
        <source>Carried over</source>
        <translation>结转</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="51"/>
        <source>Every task</source>
        <translation>全部任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="87"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="91"/>
        <source>Deadline: %1 → %2</source>
        <translation>时限：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="120"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="120"/>
        <source>Old plan&apos;s task</source>
        <translation>原计划任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="121"/>
        <source>New plan&apos;s task</source>
        <translation>新计划任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="121"/>
        <source>Units and deadlines</source>
        <translation>单位、时限变化</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/diff_view.py" line="150"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>DueNoticeBar</name>
    <message>
        <location filename="../../gui/window/due_notice.py" line="48"/>
        <source>Show overdue</source>
        <translation>查看逾期任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/due_notice.py" line="50"/>
        <source>Show due within %1 days</source>
        <translation>查看%1天内到期</translation>
    </message>
    <message>
        <location filename="../../gui/window/due_notice.py" line="55"/>
        <source>Close this notice</source>
        <translation>关闭提示</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/window/due_notice.py" line="68"/>
        <source>%n task(s) overdue</source>
        <translation>
            <numerusform>%n 项任务已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/window/due_notice.py" line="70"/>
        <source>%n task(s) due within %1 days</source>
        <translation>
            <numerusform>%n 项任务 %1 天内到期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/window/due_notice.py" line="71"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>DueSoonList</name>
    <message>
        <location filename="../../gui/window/due_soon.py" line="20"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../gui/window/due_soon.py" line="20"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/due_soon.py" line="31"/>
        <source>Overdue since %1</source>
        <translation>%1 起已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/window/due_soon.py" line="32"/>
        <source>Due %1</source>
        <translation>%1 到期</translation>
    </message>
</context>
<context>
    <name>EntriesPanel</name>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="55"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="55"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="70"/>
        <source>What was done, e.g. “implementation plan issued” — Ctrl+Enter adds it</source>
        <translation>写一条进展，如“印发实施方案”，按 Ctrl+Enter 添加</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="78"/>
        <source>The day it happened (today unless changed)</source>
        <translation>进展发生的日期（默认今天）</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="80"/>
        <source>Status unchanged</source>
        <translation>状态不变</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="82"/>
        <source>Now %1</source>
        <translation>改为%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="83"/>
        <source>A status chosen here becomes the task&apos;s status too</source>
        <translation>在此选择的状态同时成为任务的状态</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="84"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="85"/>
        <source>Add this progress entry (Ctrl+Enter)</source>
        <translation>添加这条进展（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="87"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/window/entries_panel.py" line="88"/>
        <source>Remove the chosen entry (Delete); Undo brings it back</source>
        <translation>删除所选进展（Delete 键），可撤销</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../gui/errors.py" line="36"/>
        <source>Taizhang</source>
        <translation>要点台账</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="59"/>
        <source>Program error</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="60"/>
        <source>Something went wrong in the program. Your data saved so far is safe.
The details were written to {path}.</source>
        <translation>程序出现了错误。此前已保存的数据不受影响。
详细信息已记录到 {path}。</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="63"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="74"/>
        <source>Double-click to open; drop files here to attach them</source>
        <translation>双击打开；把文件拖到这里即可添加</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="78"/>
        <source>Attach file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="80"/>
        <source>Add link…</source>
        <translation>添加链接…</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="82"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="84"/>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="128"/>
        <source>Attach supporting material</source>
        <translation>添加佐证材料</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/window/evidence_panel.py" line="139"/>
        <source>Attach %n file(s)</source>
        <translation>
            <numerusform>添加 %n 个佐证材料</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="149"/>
        <source>Add link</source>
        <translation>添加链接</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="150"/>
        <source>Address of the published page (for example on the portal):</source>
        <translation>已发布页面的网址（例如门户网站上的页面）：</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="176"/>
        <source>Remove “%1”? Edit ▸ Undo brings it back.</source>
        <translation>移除“%1”吗？可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="177"/>
        <source>Remove the link “%1”? Edit ▸ Undo brings it back.</source>
        <translation>移除链接“%1”吗？可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/window/evidence_panel.py" line="178"/>
        <source>Remove supporting material</source>
        <translation>删除佐证材料</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="66"/>
        <source>Export completion report</source>
        <translation>导出落实情况</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="76"/>
        <source>Ledger (Word, landscape table)</source>
        <translation>台账（Word，横向表格）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="77"/>
        <source>Report (Word, official document)</source>
        <translation>报告（Word，公文格式）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="78"/>
        <source>Ledger (Excel)</source>
        <translation>台账（Excel）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="80"/>
        <source>Style:</source>
        <translation>样式：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="83"/>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="92"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="109"/>
        <source>Statuses:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="111"/>
        <source>With section headings</source>
        <translation>含分组标题</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="112"/>
        <source>Tasks only</source>
        <translation>仅列任务</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="118"/>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="125"/>
        <source>As of:</source>
        <translation>截至日期：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="127"/>
        <source>Add an evidence column</source>
        <translation>增加“佐证材料”列</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="129"/>
        <source>Add the progress entries</source>
        <translation>加入“进展”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="130"/>
        <source>A progress column in the ledger, a paragraph under each task in the report</source>
        <translation>台账中加“进展”一列，报告中每项任务下加一段进展</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="132"/>
        <source>All up to the as-of date</source>
        <translation>截至日期前的全部进展</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="132"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="132"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="133"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="133"/>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="133"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="136"/>
        <source>Which entries: the period is counted from the as-of date</source>
        <translation>收入哪些进展：时段按截至日期计算</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="149"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="154"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="157"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="221"/>
        <source>Word document (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="221"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="222"/>
        <source>Save export as</source>
        <translation>导出为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="231"/>
        <location filename="../../gui/dialogs/export_dialog.py" line="265"/>
        <source>Choose at least one status.</source>
        <translation>请至少选择一种状态。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="235"/>
        <source>Choose where to save the file.</source>
        <translation>请选择保存位置。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="312"/>
        <source>%1 already exists.
Replace it?</source>
        <translation>%1 已存在。
要替换吗？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="144"/>
        <source>List tasks without a completion note in an appendix</source>
        <translation>将缺少完成情况的任务列为附件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="90"/>
        <source>A unit&apos;s tasks are those 我的任务 shows for it: named, or named through a collective such as 市直各单位. It also signs the report.</source>
        <translation>某单位的任务即“我的任务”为该单位列出的任务：点名的，以及通过“市直各单位”等统称涉及的。该单位也作为报告的落款单位。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="317"/>
        <source>Open it now?</source>
        <translation>现在打开吗？</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="98"/>
        <source>Script:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="316"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="96"/>
        <source>Traditional (繁體)</source>
        <translation>繁體</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="95"/>
        <source>Simplified (简体)</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="306"/>
        <source>Which unit is reporting? (It signs the report; set your own unit to skip this question.)</source>
        <translation>以哪个单位的名义填报？（该单位作为报告落款；设置“我的单位”后不再询问。）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dialogs/export_dialog.py" line="291"/>
        <source>%n task(s) have no completion note yet.</source>
        <translation>
            <numerusform>其中 %n 项任务尚未填写完成情况。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="95"/>
        <source>As the plan is written</source>
        <translation>与计划原文相同</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="86"/>
        <source>My tasks (%1)</source>
        <translation>我的任务（%1）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="296"/>
        <source>Export anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="297"/>
        <source>Show them in the tree</source>
        <translation>先在树中查看</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="294"/>
        <source>The report leaves them out.</source>
        <translation>报告正文不列入这些任务。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="293"/>
        <source>The report leaves them out of its body and lists them in an appendix.</source>
        <translation>报告正文不列入这些任务，另列为附件。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/export_dialog.py" line="272"/>
        <source>Exports %1 tasks; %2 of them have no completion note.</source>
        <translation>将导出 %1 项任务，其中 %2 项缺少完成情况。</translation>
    </message>
</context>
<context>
    <name>FileDrop</name>
    <message>
        <location filename="../../gui/window/file_drop.py" line="25"/>
        <source>Work plan files (%1)</source>
        <translation>工作要点文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="26"/>
        <source>Word and WPS documents (%1)</source>
        <translation>Word 和 WPS 文字文档 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="27"/>
        <source>Excel and WPS ledgers (%1)</source>
        <translation>Excel 和 WPS 表格台账 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="28"/>
        <source>PDF and OFD documents (%1)</source>
        <translation>PDF 和 OFD 版式文件 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="29"/>
        <source>Web pages and text (%1)</source>
        <translation>网页和文本 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="30"/>
        <source>Scans and photos (%1)</source>
        <translation>扫描件和照片 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="31"/>
        <source>Parse results (%1)</source>
        <translation>解析结果 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_drop.py" line="35"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="51"/>
        <source>Search tasks, units, notes (simplified or traditional)</source>
        <translation>搜索任务、单位、完成情况（简繁体均可）</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="58"/>
        <source>My tasks</source>
        <translation>我的任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="66"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="67"/>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="73"/>
        <source>Any role</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="77"/>
        <source>Any deadline</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="78"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="80"/>
        <source>Due within %1 days</source>
        <translation>%1天内到期</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="84"/>
        <source>Any unit</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="85"/>
        <source>Tasks that name this unit itself</source>
        <translation>直接写明该单位的任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="91"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="168"/>
        <source>Set your unit first</source>
        <translation>请先设置我的单位</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="169"/>
        <source>Tasks assigned to my unit: %1</source>
        <translation>分配给我单位的任务：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="189"/>
        <source>%1 of %2 tasks</source>
        <translation>显示 %1/%2 项任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="190"/>
        <source>%1 tasks</source>
        <translation>共 %1 项任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/filter_bar.py" line="70"/>
        <source>No completion note</source>
        <translation>缺少完成情况</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../gui/window/history_view.py" line="28"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="28"/>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="71"/>
        <source>Deadline moved: %1 → %2</source>
        <translation>延期：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="72"/>
        <source>(deferral taken back)</source>
        <translation>（延期已撤回）</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="75"/>
        <source>Progress: %1</source>
        <translation>进展：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="76"/>
        <source>Progress removed: %1</source>
        <translation>删除进展：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="78"/>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="80"/>
        <source>Note: %1</source>
        <translation>完成情况：%1</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="80"/>
        <location filename="../../gui/window/history_view.py" line="82"/>
        <source>(cleared)</source>
        <translation>（已清空）</translation>
    </message>
    <message>
        <location filename="../../gui/window/history_view.py" line="82"/>
        <source>Completion date: %1</source>
        <translation>完成日期：%1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/importing/dialog.py" line="57"/>
        <source>Import work plan</source>
        <translation>导入工作要点</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="75"/>
        <source>Not found</source>
        <translation>未识别</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="78"/>
        <source>Plan title:</source>
        <translation>计划标题：</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="80"/>
        <source>Year:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="81"/>
        <source>Issued by:</source>
        <translation>发文机关：</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="82"/>
        <source>Document No.:</source>
        <translation>文号：</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="98"/>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="104"/>
        <source>Selected item</source>
        <translation>所选事项</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="70"/>
        <source>Replace the plan shown, and the changes made to it, with the pasted text?</source>
        <translation>用粘贴的内容替换当前预览（包括已做的修改）吗？</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="159"/>
        <source>Replace the plan shown, and the changes made to it, with %1?</source>
        <translation>用 %1 替换当前显示的计划及对它所做的修改？</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="206"/>
        <source>%1 sections, %2 tasks</source>
        <translation>共 %1 个分组、%2 项任务</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="228"/>
        <source>Clipboard</source>
        <translation>剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="242"/>
        <source>Already imported</source>
        <translation>已经导入过</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="243"/>
        <source>“%1” has already been imported (the same file, or the same title and year).

Import it again as a separate plan?</source>
        <translation>“%1”已经导入过（同一文件，或标题和年份相同）。

要再作为一份新计划导入吗？</translation>
    </message>
    <message>
        <location filename="../../gui/importing/dialog.py" line="246"/>
        <source>Import as a new plan</source>
        <translation>作为新计划导入</translation>
    </message>
</context>
<context>
    <name>ImportWarnings</name>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="51"/>
        <source>Nothing to check: the plan looks complete.</source>
        <translation>没有需要核对的问题。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="88"/>
        <source>The sender can usually also provide the Word, WPS or OFD file.</source>
        <translation>也可以请发文单位提供 Word、WPS 或 OFD 电子版。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="89"/>
        <source>Check that this is the work plan. You can also copy the plan&apos;s text from the web page or Word and choose Paste from clipboard.</source>
        <translation>请确认所选的是工作要点文件；也可以在网页或 Word 中复制要点正文，再点“从剪贴板粘贴”。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="91"/>
        <source>Open the file in Notepad or WPS, save it as UTF-8 text, then import it again.</source>
        <translation>请在记事本或 WPS 中打开该文件，另存为 UTF-8 编码后再导入。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="93"/>
        <source>Open the file in Word, WPS or Excel and save a new copy, then import that copy.</source>
        <translation>请在 Word、WPS 或 Excel 中打开并另存一份，再导入另存的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/warnings_list.py" line="95"/>
        <source>Save the plan as Word (.docx) or copy its text, then import it again.</source>
        <translation>请将要点另存为 Word（.docx）文件，或复制其正文后再导入。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="35"/>
        <source>Edit item</source>
        <translation>编辑事项</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="35"/>
        <source>Add item</source>
        <translation>新增事项</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="39"/>
        <source>What is to be done, in a few words</source>
        <translation>简要写明要做什么</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="41"/>
        <source>The full wording from the plan (optional)</source>
        <translation>计划原文（可不填）</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="45"/>
        <source>Number:</source>
        <translation>序号：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="46"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="47"/>
        <source>Text:</source>
        <translation>原文：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="50"/>
        <source>Separate units with 、</source>
        <translation>多个单位用“、”分隔</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="52"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="54"/>
        <source>One per line, as the plan words it, e.g. 6月底前</source>
        <translation>每行一个，按计划原文填写，如“6月底前”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/item_dialog.py" line="59"/>
        <source>Deadlines:</source>
        <translation>完成时限：</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../gui/tree/labels.py" line="47"/>
        <source>Done %1/%2 (%3%)</source>
        <translation>已完成 %1/%2（%3%）</translation>
    </message>
    <message>
        <location filename="../../gui/tree/labels.py" line="50"/>
        <source>Overdue %1</source>
        <translation>逾期 %1</translation>
    </message>
    <message>
        <location filename="../../gui/tree/labels.py" line="58"/>
        <source>%1 %2</source>
        <translation>%1 %2 项</translation>
    </message>
    <message>
        <location filename="../../gui/tree/labels.py" line="60"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window/main_window.py" line="96"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="255"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="256"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="261"/>
        <source>Import from clip&amp;board…</source>
        <translation>从剪贴板导入(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="258"/>
        <source>Import a work plan from a Word, WPS, Excel, PDF, OFD, web page or text file (or drop the file onto the window)</source>
        <translation>从 Word、WPS、Excel、PDF、OFD、网页或文本文件导入工作要点（也可以把文件拖到窗口上）</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="263"/>
        <source>Import the plan&apos;s text copied from a web page, Word or WPS</source>
        <translation>导入从网页、Word 或 WPS 中复制的要点正文</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="265"/>
        <source>Open &amp;sample</source>
        <translation>打开示例(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="268"/>
        <source>&amp;Export report…</source>
        <translation>导出落实情况(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="269"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="271"/>
        <source>Export the completion ledger or report as Word or Excel</source>
        <translation>将落实情况台账或报告导出为 Word 或 Excel</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="273"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="277"/>
        <location filename="../../gui/window/main_window.py" line="324"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="280"/>
        <location filename="../../gui/window/main_window.py" line="325"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="284"/>
        <source>&amp;About Taizhang</source>
        <translation>关于要点台账(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="289"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="296"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="298"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="301"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="305"/>
        <source>Plan: </source>
        <translation>工作要点：</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="372"/>
        <location filename="../../gui/window/main_window.py" line="384"/>
        <source>Taizhang</source>
        <translation>要点台账</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="457"/>
        <source>About Taizhang</source>
        <translation>关于要点台账</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="458"/>
        <source>&lt;h3&gt;Taizhang %1&lt;/h3&gt;&lt;p&gt;A ledger for the annual work plan for government openness: import the plan, record each task&apos;s progress, all offline.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;要点台账 %1&lt;/h3&gt;&lt;p&gt;年度政务公开工作要点任务台账：导入工作要点，逐项登记任务完成情况，全部离线使用。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="43"/>
        <location filename="../../gui/dialogs/merge_dialog.py" line="57"/>
        <source>Import filled workbooks</source>
        <translation>导入填报表</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="44"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="59"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="59"/>
        <source>Read as</source>
        <translation>读取结果</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="63"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="65"/>
        <source>Remove file</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="76"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="83"/>
        <source>Returned files:</source>
        <translation>交回的文件：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="93"/>
        <source>What merging changes (untick what you do not want; for a conflict choose the side to take):</source>
        <translation>合并将改动的内容（不需要的取消勾选；有冲突的请选定采用哪一方）：</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="133"/>
        <source>%1: %2 rows</source>
        <translation>%1：%2 行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="160"/>
        <source>Recorded now: %1</source>
        <translation>台账现为：%1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="162"/>
        <source>Returned: %1 — %2</source>
        <translation>填报为：%1 —— %2</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="172"/>
        <source>Applies %1 values to %2 tasks as one step (Undo takes it all back).</source>
        <translation>将把 %1 处改动写入 %2 项任务，作为一步操作（撤销可全部恢复）。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="175"/>
        <source>%1 conflicts keep what is recorded.</source>
        <translation>%1 处冲突保持台账现有内容。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_dialog.py" line="177"/>
        <source>No file can be merged yet: add the workbooks the units sent back.</source>
        <translation>还没有可合并的文件：请添加各单位交回的填报表。</translation>
    </message>
</context>
<context>
    <name>MergeTree</name>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="32"/>
        <source>Completion note</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="33"/>
        <source>Completion date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="33"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="39"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="48"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="59"/>
        <source>Task / field</source>
        <translation>任务 / 项目</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="59"/>
        <source>Recorded now</source>
        <translation>台账现为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="60"/>
        <source>Returned</source>
        <translation>填报为</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="60"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="84"/>
        <source>Conflicts: choose which side to take (%1 tasks)</source>
        <translation>有冲突：请选定采用哪一方（%1 项任务）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="86"/>
        <source>Changed (%1 tasks)</source>
        <translation>有改动（%1 项任务）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="87"/>
        <source>Unchanged (%1 tasks)</source>
        <translation>无变化（%1 项任务）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="88"/>
        <source>Rows matching no task, not merged (%1)</source>
        <translation>未能对应到任务的行，不合并（%1 行）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="99"/>
        <source>%1, sheet %2, row %3</source>
        <translation>%1，工作表 %2，第 %3 行</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="126"/>
        <source>(new entry)</source>
        <translation>（新增一条）</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="133"/>
        <source>Keep what is recorded</source>
        <translation>保持台账现有内容</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/merge_tree.py" line="136"/>
        <source>Take this return</source>
        <translation>采用这份填报</translation>
    </message>
</context>
<context>
    <name>MyUnitsDialog</name>
    <message>
        <location filename="../../gui/dialogs/my_units_dialog.py" line="30"/>
        <source>My unit</source>
        <translation>我的单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/my_units_dialog.py" line="32"/>
        <source>Tick the unit(s) you work for. “My tasks” then shows the tasks assigned to them, by name or through names such as 市直各单位 or 各有关单位.</source>
        <translation>勾选您所在的单位（可多选）。“我的任务”将列出分配给这些单位的任务，包括写明单位名称的，以及通过“市直各单位”“各有关单位”等统称分配的。</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/my_units_dialog.py" line="36"/>
        <source>Find a unit</source>
        <translation>查找单位</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/my_units_dialog.py" line="81"/>
        <source>Also meant by: %1</source>
        <translation>以下统称也包括您的单位：%1</translation>
    </message>
</context>
<context>
    <name>NodeEditor</name>
    <message>
        <location filename="../../gui/window/node_editor.py" line="89"/>
        <source>Separate several units with 、</source>
        <translation>多个单位用顿号“、”分隔</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="92"/>
        <location filename="../../gui/window/node_editor.py" line="206"/>
        <source>Add deadline</source>
        <translation>添加时限</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="93"/>
        <source>Select an item in the plan to edit it.</source>
        <translation>在左侧选择一个事项即可修改。</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="99"/>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="100"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="101"/>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="103"/>
        <source>:</source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="107"/>
        <source>Deadlines:</source>
        <translation>完成时限：</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="116"/>
        <source>Edit number</source>
        <translation>修改编号</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="178"/>
        <source>Edit title</source>
        <translation>修改标题</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="181"/>
        <source>Edit text</source>
        <translation>修改内容</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="190"/>
        <source>Edit units</source>
        <translation>修改单位</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="196"/>
        <source>%1/%2 or before</source>
        <translation>%1月%2日前</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="197"/>
        <source>Edit deadlines</source>
        <translation>修改时限</translation>
    </message>
    <message>
        <location filename="../../gui/window/node_editor.py" line="201"/>
        <source>Remove deadline</source>
        <translation>删除时限</translation>
    </message>
</context>
<context>
    <name>OverviewWiring</name>
    <message>
        <location filename="../../gui/window/overview_wiring.py" line="42"/>
        <source>Carried over from “%1”</source>
        <translation>结转自“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/window/overview_wiring.py" line="60"/>
        <location filename="../../gui/window/overview_wiring.py" line="89"/>
        <source>Supporting material</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../gui/window/overview_wiring.py" line="61"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
</context>
<context>
    <name>PlanImporter</name>
    <message>
        <location filename="../../gui/importing/flow.py" line="39"/>
        <source>Import work plan</source>
        <translation>导入工作要点</translation>
    </message>
    <message>
        <location filename="../../gui/importing/flow.py" line="127"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../gui/importing/flow.py" line="105"/>
        <source>Imported %1 sections and %2 tasks.</source>
        <translation>已导入 %1 个分组、%2 项任务。</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="95"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="95"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="96"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="395"/>
        <source>%1 (next of %2)</source>
        <translation>%1（共%2个时间节点）</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="433"/>
        <source>Latest progress: %1</source>
        <translation>最新进展：%1</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="444"/>
        <source>Tick “%1”</source>
        <translation>勾选“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/tree/plan_tree_model.py" line="447"/>
        <source>Untick “%1”</source>
        <translation>取消勾选“%1”</translation>
    </message>
</context>
<context>
    <name>PreviewCommands</name>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="72"/>
        <source>Edit plan details</source>
        <translation>修改计划信息</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="111"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="111"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="119"/>
        <source>Indent</source>
        <translation>降一级</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="124"/>
        <source>Outdent</source>
        <translation>升一级</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="139"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="160"/>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="180"/>
        <source>Merge into previous</source>
        <translation>合并到上一项</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_commands.py" line="222"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="62"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="62"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="62"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="62"/>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="204"/>
        <source>Edit number</source>
        <translation>修改编号</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_model.py" line="208"/>
        <source>Edit title</source>
        <translation>修改标题</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="113"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="113"/>
        <source>Move up (Alt+Up)</source>
        <translation>上移（Alt+↑）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="114"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="115"/>
        <source>Move down (Alt+Down)</source>
        <translation>下移（Alt+↓）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="116"/>
        <source>Outdent</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="117"/>
        <source>Move up one level (Alt+Left)</source>
        <translation>升一级，成为上级的同级（Alt+←）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="118"/>
        <source>Indent</source>
        <translation>降级</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="119"/>
        <source>Move into the item above (Alt+Right)</source>
        <translation>降一级，归入上一项之下（Alt+→）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="121"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="122"/>
        <source>Merge into the item before (Ctrl+M)</source>
        <translation>合并到上一项（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="123"/>
        <source>Split…</source>
        <translation>拆分…</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="123"/>
        <source>Split in two</source>
        <translation>拆成两项</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="124"/>
        <source>Add task</source>
        <translation>添加任务</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="125"/>
        <source>Add a task after the selected one (Ctrl+N)</source>
        <translation>在所选事项后添加任务（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="126"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="127"/>
        <source>Delete the item and everything under it (Del)</source>
        <translation>删除该事项及其下所有内容（Del）</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="130"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="132"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
</context>
<context>
    <name>RecentProgressList</name>
    <message>
        <location filename="../../gui/window/recent_progress.py" line="23"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/window/recent_progress.py" line="23"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../gui/window/recent_progress.py" line="23"/>
        <source>Latest progress</source>
        <translation>最新进展</translation>
    </message>
</context>
<context>
    <name>RetryBar</name>
    <message>
        <location filename="../../gui/window/retry.py" line="38"/>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/window/retry.py" line="52"/>
        <source>Could not save: %1
Your %n change(s) are kept and will be saved automatically once this is fixed.</source>
        <translation>
            <numerusform>无法保存：%1
您的 %n 处更改已保留，问题解决后会自动保存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SectionChart</name>
    <message>
        <location filename="../../gui/window/dashboard.py" line="95"/>
        <location filename="../../gui/window/dashboard.py" line="147"/>
        <source>%1 overdue</source>
        <translation>逾期%1</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../gui/app/single_instance.py" line="75"/>
        <source>This database is already open in another Taizhang window:
%1

Switch to that window (see the taskbar).</source>
        <translation>该数据库已在另一个要点台账窗口中打开：
%1

请切换到那个窗口（见任务栏）。</translation>
    </message>
    <message>
        <location filename="../../gui/app/single_instance.py" line="77"/>
        <source>Taizhang</source>
        <translation>要点台账</translation>
    </message>
    <message>
        <location filename="../../gui/app/single_instance.py" line="98"/>
        <source>This database is marked as open on the computer “%1”:
%2

If Taizhang is still open there, close it first: two windows on one database can overwrite each other&apos;s changes. If that computer is off or the program crashed there, you can open it here.</source>
        <translation>该数据库在计算机“%1”上标记为已打开：
%2

如果那台电脑上的要点台账仍在运行，请先关闭它：两个窗口同时使用一个数据库可能互相覆盖更改。如果那台电脑已关机，或程序在那里意外退出，可以在这里打开。</translation>
    </message>
    <message>
        <location filename="../../gui/app/single_instance.py" line="102"/>
        <source>Database in use</source>
        <translation>数据库正在使用</translation>
    </message>
    <message>
        <location filename="../../gui/app/single_instance.py" line="104"/>
        <source>Open it here</source>
        <translation>在这里打开</translation>
    </message>
    <message>
        <location filename="../../gui/app/single_instance.py" line="105"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SourceBar</name>
    <message>
        <location filename="../../gui/importing/source.py" line="57"/>
        <source>Choose a file, or paste the plan&apos;s text (Ctrl+V).</source>
        <translation>请选择文件，或粘贴工作要点的正文（Ctrl+V）。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="58"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="59"/>
        <source>Paste from clipboard</source>
        <translation>从剪贴板粘贴</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="68"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="94"/>
        <source>Import work plan</source>
        <translation>导入工作要点</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="101"/>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="109"/>
        <source>The clipboard holds no text. Copy the plan&apos;s text first.</source>
        <translation>剪贴板中没有文字，请先复制工作要点的正文。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="113"/>
        <source>Pasted from the clipboard</source>
        <translation>来自剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="141"/>
        <source>Reading was stopped.</source>
        <translation>已停止读取。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="156"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="156"/>
        <source>Recognising the plan…</source>
        <translation>正在识别要点结构…</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="156"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../gui/importing/source.py" line="166"/>
        <source>Recognising the scan: page %1 of %2…</source>
        <translation>正在识别扫描件：第 %1 页，共 %2 页…</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="37"/>
        <source>Split item</source>
        <translation>拆分事项</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="38"/>
        <source>Click where the second item begins, then choose Split.</source>
        <translation>在第二项开始的位置单击，然后点“拆分”。</translation>
    </message>
    <message>
        <location filename="../../gui/importing/preview_view.py" line="48"/>
        <source>Split</source>
        <translation>拆分</translation>
    </message>
</context>
<context>
    <name>StoreUpkeep</name>
    <message>
        <location filename="../../gui/app/store_upkeep.py" line="44"/>
        <source>Warning: %1 (the database is open as usual)</source>
        <translation>警告：%1（数据库已照常打开）</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="33"/>
        <source>&amp;Add item…</source>
        <translation>新增事项(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="34"/>
        <source>Add s&amp;ub-item…</source>
        <translation>新增下级事项(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="35"/>
        <source>Add se&amp;ction…</source>
        <translation>新增一级标题(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="36"/>
        <source>&amp;Edit item…</source>
        <translation>编辑事项(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="37"/>
        <source>&amp;Delete item</source>
        <translation>删除事项(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="39"/>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="40"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="41"/>
        <source>&amp;Indent</source>
        <translation>降级(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="42"/>
        <source>&amp;Outdent</source>
        <translation>升级(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="47"/>
        <source>Add an item after the selected one</source>
        <translation>在所选事项之后新增一项</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="48"/>
        <source>Add an item under the selected one</source>
        <translation>在所选事项之下新增一项</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="130"/>
        <source>Add “%1”</source>
        <translation>新增“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="164"/>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="176"/>
        <source>Delete item</source>
        <translation>删除事项</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="177"/>
        <source>Delete “%1” and the %2 tasks under it, with their progress and supporting material records?

You can undo this with Ctrl+Z.</source>
        <translation>删除“%1”及其下的 %2 项任务（连同完成情况和佐证材料记录）吗？

可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="195"/>
        <source>Move “%1” up</source>
        <translation>上移“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_actions.py" line="195"/>
        <source>Move “%1” down</source>
        <translation>下移“%1”</translation>
    </message>
</context>
<context>
    <name>StructureCommands</name>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="52"/>
        <source>Add “%1”</source>
        <translation>新增“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="77"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="112"/>
        <source>Outdent “%1”</source>
        <translation>升级“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="113"/>
        <source>Indent “%1”</source>
        <translation>降级“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="133"/>
        <source>Rename “%1”</source>
        <translation>修改“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="176"/>
        <source>Change units</source>
        <translation>修改责任单位</translation>
    </message>
    <message>
        <location filename="../../gui/editing/structure_commands.py" line="186"/>
        <source>Change deadlines</source>
        <translation>修改完成时限</translation>
    </message>
</context>
<context>
    <name>TaskMenu</name>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="29"/>
        <source>&amp;Defer deadline…</source>
        <translation>延期(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="30"/>
        <source>Move the deadline with a reason and the approval</source>
        <translation>写明原因和批准情况，调整完成时限</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="31"/>
        <source>Add &amp;progress…</source>
        <translation>添加进展(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="32"/>
        <source>Write a dated progress entry for this task</source>
        <translation>为该任务写一条带日期的进展</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="33"/>
        <source>&amp;Copy task text</source>
        <translation>复制任务内容(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="34"/>
        <source>Number, wording, units and deadline, ready to paste into a message</source>
        <translation>复制序号、任务内容、责任单位和时限，可直接粘贴到消息里</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="110"/>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/task_menu.py" line="140"/>
        <source>Defer “%1”</source>
        <translation>延期“%1”</translation>
    </message>
</context>
<context>
    <name>TrackingActions</name>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="54"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="55"/>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="56"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="57"/>
        <source>Progress of the whole plan, and what is due soon (Ctrl+D)</source>
        <translation>整个计划的进度和近期到期事项（Ctrl+D）</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="58"/>
        <source>&amp;My tasks</source>
        <translation>我的任务(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="59"/>
        <source>Set my &amp;unit…</source>
        <translation>设置我的单位(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="60"/>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="61"/>
        <source>E&amp;xpand all</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="62"/>
        <source>Co&amp;llapse all</source>
        <translation>全部折叠(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="67"/>
        <source>Set to %1</source>
        <translation>设为“%1”</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="70"/>
        <source>Edit &amp;note</source>
        <translation>填写完成情况(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="71"/>
        <source>Enter on a task also starts the note</source>
        <translation>在任务上按回车键也可填写完成情况</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="72"/>
        <source>Attach &amp;file…</source>
        <translation>添加佐证文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="73"/>
        <source>Add &amp;link…</source>
        <translation>添加佐证链接(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="74"/>
        <source>&amp;Carry over unfinished tasks…</source>
        <translation>从本计划结转(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="75"/>
        <source>Start next year&apos;s plan with this plan&apos;s unfinished tasks</source>
        <translation>用本计划未完成的任务建立下一年度的计划（回头看）</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="86"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="91"/>
        <source>&amp;Task</source>
        <translation>任务(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/editing/tracking_actions.py" line="151"/>
        <source>Set “%1” to %2</source>
        <translation>将“%1”设为%2</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../gui/window/welcome.py" line="18"/>
        <source>Welcome to Taizhang</source>
        <translation>欢迎使用要点台账</translation>
    </message>
    <message>
        <location filename="../../gui/window/welcome.py" line="25"/>
        <source>Import this year&apos;s work plan for government openness, then tick off each task as it is done. Everything is saved at once on this computer.</source>
        <translation>导入本年度政务公开工作要点，任务完成一项就勾选一项。所有内容即时保存在本机。</translation>
    </message>
    <message>
        <location filename="../../gui/window/welcome.py" line="31"/>
        <source>Import work plan…</source>
        <translation>导入工作要点…</translation>
    </message>
    <message>
        <location filename="../../gui/window/welcome.py" line="32"/>
        <source>Open the sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location filename="../../gui/window/welcome.py" line="37"/>
        <source>Supported: Word and WPS (.docx .doc .wps), Excel and WPS (.xlsx .xls .et), PDF, OFD, web pages (.html .mht), plain text (.txt) and parse JSON; scans with the text-recognition edition. You can also drop files onto this window.</source>
        <translation>支持 Word 和 WPS 文字（.docx .doc .wps）、Excel 和 WPS 表格（.xlsx .xls .et）、PDF、OFD、网页（.html .mht）、纯文本（.txt）和解析 JSON 文件；扫描件需使用“带识别”版。也可以把文件直接拖到本窗口。</translation>
    </message>
</context>
</TS>
