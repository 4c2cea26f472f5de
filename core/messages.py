"""The one catalogue of what the clerk reads: a code → its Chinese and English words.

Core never words a message: it raises a `TaizhangError`, returns an `ImportWarning`, a reader's
note or a `Notice`, each a code with parameters. The command line prints `cli_line(...)`, the
GUI shows `say(..., lang)` in its interface language, both from the table below, so a message
is written once. Chinese is the program's language; the English is what `--lang en` shows.

A text holds `{name}` fields filled from the parameters; a parameter that is itself a `Notice`
(a reader's detail, say) is worded in the same language. A few messages read differently on the
command line, where they must name an option (`--yes`, `--unit`); those carry a `cli` pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple, Protocol

Lang = Literal["zh", "en"]


class Words(NamedTuple):
    """One message in both languages; `cli` is the (zh, en) the command line says instead."""

    zh: str
    en: str
    cli: tuple[str, str] | None = None


@dataclass(frozen=True)
class Notice:
    """Something core tells the clerk that is not a failure: a reader's or the parser's note about a
    document (pages left unread, text guessed by OCR, a table read without its header), a check's
    finding, a reader's detail inside an error; `items` are the lines it lists."""

    code: str
    params: dict = field(default_factory=dict)
    items: tuple[str, ...] = ()


class Coded(Protocol):
    code: str
    params: dict


W = Words
CATALOGUE: dict[str, Words] = {
    # -- errors: the codes of core.errors' hierarchy, the class codes first ------------------------
    "error": W("操作失败。", "The operation failed."),
    "bad_input": W("无法读取该文件。", "This file cannot be read."),
    "store": W("数据库出错。", "A database error occurred."),
    "not_found": W("找不到该记录。", "The record cannot be found."),
    "output": W("无法写入导出文件。", "The export file cannot be written."),
    "usage": W("操作无效。", "This operation is not valid."),
    # reading a file
    "file_missing": W("找不到文件：{path}", "File not found: {path}"),
    "file_too_large": W("文件过大（{size_mb} MB），超过 {limit_mb} MB 的上限。",
                        "The file is too large ({size_mb} MB); the limit is {limit_mb} MB."),
    "file_empty": W("文件是空的。", "The file is empty."),
    "file_unreadable": W("无法读取文件（没有权限，或正被其他程序占用）：{path}",
                         "The file cannot be read (no permission, or another program holds it): {path}"),
    "unsupported_format": W("不支持的文件格式：{suffix}。请使用 .docx、.doc、.wps、.xlsx、.xls、.et、.pdf、.ofd、.html、"
                            ".txt 或解析 JSON 文件。",
                            "The file type {suffix} is not supported. Please use .docx, .doc, .wps, .xlsx, .xls, .et, "
                            ".pdf, .ofd, .html, .txt or a parse JSON file."),
    "old_doc": W("这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入。",
                 "This is an old Word (.doc) file. Please save it as .docx in Word, then import it again."),
    "old_xls": W("这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入。",
                 "This is an old Excel (.xls) file. Please save it as .xlsx in Excel, then import it again."),
    "encrypted": W("文件已加密或设有密码，请先在原程序中取消密码后再导入。",
                   "The file is encrypted or password-protected. Please remove the password in the original "
                   "program first."),
    "corrupt": W("文件已损坏，无法打开（{detail}）。", "The file is damaged and cannot be opened ({detail})."),
    "zip_bomb": W("文件解压后过大，已拒绝读取。", "The file would be far too large once unpacked, so it was not read."),
    "scanned": W("这是扫描件（图片），没有可直接读取的文字。请使用“带识别”版要点台账导入，或向发文单位索取 Word/WPS 文件。",
                 "This is a scan (a picture of the pages), with no text to read directly. Import it with the "
                 "text-recognition edition of Taizhang, or ask the sender for the Word/WPS file."),
    "scan_too_long": W("这是扫描件，共 {pages} 页，超过文字识别的上限 {limit} 页，请只扫描工作要点部分后再导入。",
                       "This is a scan of {pages} pages, more than text recognition takes ({limit} pages). Scan "
                       "only the work plan part, then import it."),
    "scan_unreadable": W("这是扫描件，但没有识别出文字（图像可能过于模糊或不是文字）。",
                         "This is a scan, but no text was recognised in it (the image may be too blurred, or not "
                         "text)."),
    "sheet_too_large": W("工作表过大（超过 {limit} 个单元格），不像是工作台账，已拒绝读取。",
                         "The worksheet is too large (more than {limit} cells) to be a ledger, so it was not read."),
    "no_plan": W("文件中没有找到工作要点内容。", "No work plan content was found in this file."),
    "bad_encoding": W("无法识别该文件的文字编码。", "The text encoding of this file cannot be recognised."),
    "bad_json": W("解析 JSON 文件格式不正确：{detail}", "The parse JSON file is not valid: {detail}"),
    # the database
    "db_not_taizhang": W("{path} 不是要点台账的数据库。", "{path} is not a Taizhang database."),
    "db_damaged": W("数据库文件已损坏：{path}", "The database file is damaged: {path}"),
    "db_too_new": W("该数据库由更新版本的要点台账创建（结构版本 {found}，本程序支持 {supported}），请升级程序。",
                    "This database was made by a newer version of Taizhang (schema {found}; this program supports "
                    "{supported}). Please upgrade the program."),
    "db_readonly": W("数据库所在位置不可写入：{path}", "The database location is not writable: {path}"),
    "db_locked": W("数据库正被另一个程序使用：{path}", "The database is being used by another program: {path}"),
    "db_write_failed": W("写入数据库失败：{detail}", "Writing to the database failed: {detail}"),
    "db_is_dir": W("{path} 是一个文件夹，不是数据库文件。", "{path} is a folder, not a database file.",
                   cli=("{path} 是一个文件夹，不是数据库文件（--db 应指向 .sqlite3 文件）",
                        "{path} is a folder, not a database file (--db names a .sqlite3 file)")),
    "db_folder_missing": W("数据库所在的文件夹不存在：{path}", "The folder of the database does not exist: {path}"),
    "db_empty": W("文件是空的（0 字节），不是可用的要点台账数据库：{path}",
                  "The file is empty (0 bytes) and is not a usable Taizhang database: {path}",
                  cli=("文件是空的（0 字节），不是可用的要点台账数据库：{path}（如有备份，可用 backup --restore 恢复）",
                       "The file is empty (0 bytes) and is not a usable Taizhang database: {path} (restore a backup "
                       "with backup --restore, if there is one)")),
    "db_needs_upgrade": W("数据库是旧版本的结构，以只读方式打开时不能升级：{path}",
                          "The database has an older structure, which a read-only opening cannot upgrade: {path}",
                          cli=("数据库是旧版本的结构，只读的命令不能升级它：{path}（用窗口或修改命令打开一次即自动升级，"
                               "升级前会先备份；在只读的 U 盘上请先复制到可写的文件夹）",
                               "The database has an older structure, which a read-only command cannot upgrade: "
                               "{path} (opening it once in the window or with a command that changes it upgrades "
                               "it, after a backup; on a read-only USB stick copy it to a writable folder first)")),
    "db_missing": W("找不到数据库文件：{path}（是否被移走，或 U 盘已拔出？）",
                    "The database file cannot be found: {path} (was it moved, or the USB stick removed?)"),
    "db_full": W("磁盘已满，无法写入数据库：{path}", "The disk is full, so the database cannot be written: {path}"),
    "db_io_error": W("读写数据库文件出错（U 盘是否已拔出？）：{path}",
                     "Reading or writing the database file failed (was the USB stick removed?): {path}"),
    "db_open_in_window": W("数据库正在要点台账窗口中打开，请先关闭窗口再恢复备份：{path}",
                           "The database is open in a Taizhang window; close the window before restoring a backup: "
                           "{path}"),
    # backups
    "backup_failed": W("备份失败：{detail}", "The backup failed: {detail}"),
    "backup_full": W("磁盘已满，无法写入备份：{path}", "The disk is full, so the backup cannot be written: {path}"),
    "backup_readonly": W("备份文件夹不可写（只读或没有权限）：{path}",
                         "The backup folder cannot be written (read-only, or no permission): {path}"),
    "backup_missing": W("找不到备份文件：{path}", "Backup file not found: {path}"),
    # evidence
    "bad_link": W("链接不能为空。", "The link must not be empty."),
    "bad_move": W("不能移动到该位置。", "The item cannot be moved there."),
    "bad_evidence_name": W("附件文件名无效：{name}", "The attachment file name is not valid: {name}"),
    "evidence_disk_full": W("磁盘已满，佐证材料没有保存：{path}",
                            "The disk is full, so the supporting material was not saved: {path}"),
    "evidence_readonly": W("佐证材料文件夹不可写（只读或没有权限），佐证材料没有保存：{path}",
                           "The supporting material folder cannot be written (read-only or no permission), so "
                           "nothing was saved: {path}"),
    "evidence_write_failed": W("佐证材料保存失败（{detail}）：{path}",
                               "Saving the supporting material failed ({detail}): {path}"),
    "evidence_not_found": W("找不到该佐证材料。", "The supporting material cannot be found."),
    "evidence_file_gone": W("佐证材料的副本已不在，无法恢复：{path}",
                            "The copy of this supporting material is gone, so it cannot be put back: {path}"),
    # records and requests
    "plan_not_found": W("找不到编号为 {plan_id} 的计划。", "There is no plan number {plan_id}."),
    "node_not_found": W("找不到编号为 {node_id} 的事项。", "There is no item number {node_id}."),
    "bad_status": W("未知状态：{status}", "Unknown status: {status}",
                    cli=("未知状态：{status}（可用：未开始、进行中、已完成、持续推进、不适用）",
                         "Unknown status: {status} (use 未开始, 进行中, 已完成, 持续推进 or 不适用)")),
    "bad_date": W("日期格式不正确：{value}（应为 2024-07-01）。",
                  "The date is not valid: {value} (it should look like 2024-07-01)."),
    "not_a_task": W("编号为 {node_id} 的事项是一个分组，只有具体任务才有状态。",
                    "Item {node_id} is a group; only tasks have a status."),
    "plan_already_imported": W("该计划已经导入过（计划 {plan_id}：{title}），没有重复导入；确要再导入一份，请加 --again",
                               "This plan was imported before (plan {plan_id}: {title}); add --again to import "
                               "another copy."),
    "delete_needs_yes": W("删除计划 {plan_id}（{title}）需要确认：请加 --yes（删除前会自动备份）",
                          "Deleting plan {plan_id} ({title}) needs confirming: add --yes (a backup is made first)."),
    "mark_nothing": W("没有要修改的内容。", "Nothing to change.",
                      cli=("请至少给出 --status、--note 或 --date 之一", "Give at least one of --status, --note or --date")),
    # the command line's own mistakes (argparse's messages, reworded by main.py)
    "cli_usage": W("命令用法不对：{detail}。用 --help 查看用法", "The command is not used correctly: {detail}. See --help."),
    "cli_no_command": W("未知命令：{command}（可用：{choices}）。用 --help 查看用法",
                        "Unknown command: {command} (use one of {choices}). See --help."),
    "cli_required": W("缺少必需的参数：{names}。用 --help 查看用法", "A required option is missing: {names}. See --help."),
    "cli_unknown_args": W("不认识的参数：{args}。用 --help 查看用法", "Unknown option: {args}. See --help."),
    "cli_bad_choice": W("参数 {name} 的值 {value} 无效（可用：{choices}）",
                        "The value {value} of {name} is not valid (use one of {choices})."),
    "cli_bad_number": W("参数 {name} 需要一个整数，而不是 {value}", "{name} needs a whole number, not {value}."),
    "cli_needs_value": W("参数 {name} 后面缺少值", "{name} needs a value after it."),
    "cli_conflict": W("参数 {name} 不能与 {other} 同时使用", "{name} cannot be used together with {other}."),
    "cli_ambiguous": W("参数 {option} 不明确：可能是 {matches}，请写全",
                       "{option} is ambiguous: it could mean {matches}. Write the option in full."),
    "cli_takes_no_value": W("参数 {name} 不带值（却给了 {value}）", "{name} takes no value (given: {value})."),
    # tracking through the year
    "deferral_needs_reason": W("延期须写明原因。", "A deferral needs a reason.",
                               cli=("延期须写明原因（--reason）", "A deferral needs a reason (--reason)")),
    "deferral_same_date": W("新的时限 {date} 与现在的时限相同，无需延期。",
                            "The new deadline {date} is the same as the current one; nothing to defer."),
    "deferral_not_found": W("找不到该延期记录。", "This deferral cannot be found."),
    "entry_needs_text": W("进展内容不能为空。", "A progress entry cannot be empty."),
    "entry_not_found": W("找不到该进展记录。", "This progress entry cannot be found."),
    "bad_period": W("不认识的时段：{period}（可用：{choices}，或指定起止日期）。",
                    "Unknown period: {period} (use {choices}, or give dates).",
                    cli=("不认识的时段：{period}（可用：{choices}，或用 --from/--to 指定日期）",
                         "Unknown period: {period} (use {choices}, or give dates with --from/--to)")),
    "bad_range": W("起始日期 {start} 晚于结束日期 {end}。", "The start date {start} is after the end date {end}."),
    # 收集填报: fill-in workbooks out and back
    "collect_no_tasks": W("计划中没有点名“{unit}”的任务（含统称），未生成填报表。",
                          "The plan assigns no task to “{unit}” (collective names included); no fill-in workbook "
                          "was made."),
    "collect_needs_unit": W("请选择单位，或为全部单位生成一个填报表。", "Choose a unit, or all units in one workbook.",
                            cli=("请用 --unit 指定单位，或用 --all-units 为全部单位生成一个填报表",
                                 "Name a unit with --unit, or make one workbook for all units with --all-units")),
    "fill_unreadable": W("无法读取填报文件（不是 .xlsx 工作簿，或已损坏）：{path}",
                         "The returned file cannot be read (it is not an .xlsx workbook, or it is damaged): {path}"),
    "fill_is_return": W("{path} 是单位交回的填报表（计划 {plan_id}），不是工作计划，未作为新计划导入；请用“填报与对比 ▸ "
                        "导入填报表”合并。",
                        "{path} is a unit's returned fill-in workbook (plan {plan_id}), not a work plan; it was not "
                        "imported as a new plan. Merge it with Returns ▸ Import filled workbooks.",
                        cli=("{path} 是单位交回的填报表（计划 {plan_id}），不是工作计划，未导入；请用 merge --plan "
                             "{plan_id} {path} 合并",
                             "{path} is a unit's returned fill-in workbook (plan {plan_id}), not a work plan; nothing "
                             "was imported. Merge it with merge --plan {plan_id} {path}")),
    "fill_plan_missing": W("填报表 {file} 是为计划 {plan_id} 生成的，但本台账中没有这个计划（可能已删除，或来自另一个"
                           "台账文件），无法合并。",
                           "The returned workbook {file} was made for plan {plan_id}, which is not in this ledger "
                           "(deleted, or made from another ledger file); it cannot be merged."),
    "fill_other_plan": W("填报文件 {file} 是为另一个计划（编号 {detail}）生成的，已跳过。",
                         "The returned file {file} was made for another plan (number {detail}) and was skipped."),
    "fill_no_rows": W("填报文件 {file} 中没有找到任务行（表头应有“工作任务”及“状态”或“完成情况”），已跳过。",
                      "No task rows were found in {file} (the header needs 工作任务 and 状态 or 完成情况); it was "
                      "skipped."),
    "fill_bad_status": W("{file} 第 {row} 行的状态“{detail}”无法识别，该行状态未采用。",
                         "{file}, row {row}: the status “{detail}” is not known; that row's status was not taken."),
    "fill_bad_date": W("{file} 第 {row} 行的完成日期“{detail}”无法识别，该行日期未采用。",
                       "{file}, row {row}: the completion date “{detail}” is not a date; that row's date was not "
                       "taken."),
    "merge_same_name": W("有同名的填报文件：{names}（历史记录按文件名区分来源，请先改名）。",
                         "Several returned files have the same name: {names}. History tells sources apart by file "
                         "name; please rename them first."),
    "merge_take_unknown": W("选定的 {file} 不在本次合并的文件中。",
                            "The file {file} chosen to win conflicts is not among the files being merged.",
                            cli=("--take 指定的 {file} 不在本次合并的文件中",
                                 "The file {file} named by --take is not among the files being merged")),
    "diff_needs_two": W("比较需要两个计划：旧计划和新计划。", "Comparing needs two plans: the old one and the new one.",
                        cli=("比较需要两个计划：--plan 旧计划编号 --plan 新计划编号",
                             "Comparing needs two plans: --plan old plan number --plan new plan number")),
    # exports
    "export_locked": W("文件正被其他程序（如 Word、WPS、Excel）打开，请关闭后再导出：{path}",
                       "The file is open in another program (such as Word, WPS or Excel). Please close it and "
                       "export again: {path}"),
    "export_readonly": W("无法保存到此位置（文件夹只读或没有权限），请换一个位置：{path}",
                         "This location cannot be written to (read-only folder or no permission). Please choose "
                         "another place: {path}"),
    "export_failed": W("导出文件写入失败（{detail}）：{path}", "Writing the export file failed ({detail}): {path}"),
    "export_empty": W("没有符合筛选条件的任务，未生成文件。", "No task matches the filter, so no file was made."),
    "bad_export_format": W("不支持的导出格式：{format}（可用：docx、xlsx）。",
                           "Unsupported export format: {format} (use docx or xlsx)."),
    "export_no_reporter": W("以哪个单位的名义填报？请选择单位，或先设置我的单位。",
                            "Which unit is reporting? Choose a unit, or set your own unit first.",
                            cli=("不知道以哪个单位的名义填报：请用 --unit 选择单位、用 --reporter 写明填报单位，"
                                 "或先用 mine --set 设置本单位",
                                 "Which unit is reporting? Choose one with --unit, name it with --reporter, or set "
                                 "your own unit first with mine --set")),
    "export_no_my_units": W("还没有设置我的单位，无法导出“我的任务”。",
                            "Your own unit is not set yet, so there are no “my tasks” to export.",
                            cli=("还没有设置本单位，无法导出“我的任务”：请先用 mine --set 单位名称 设置",
                                 "Your own unit is not set yet, so there are no “my tasks” to export: set it first "
                                 "with mine --set UNIT")),
    "bad_script": W("未知的文字选项：{script}。", "Unknown script: {script}.",
                    cli=("未知的文字选项：{script}（可用：simplified 简体、traditional 繁体、original 原文）",
                         "Unknown script: {script} (use simplified, traditional or original)")),
    "export_wrong_suffix": W("导出文件名的扩展名 {suffix} 与导出格式 {format} 不符（Word 文件用 .docx，Excel 文件用 "
                             ".xlsx）：{path}",
                             "The extension {suffix} of the export file does not fit the format {format} (Word "
                             "files end in .docx, Excel files in .xlsx): {path}"),
    # what a reader found wrong inside a file: a `detail` or `suffix` of the errors above
    "suffix_none": W("（无扩展名）", "(no extension)"),
    "suffix_zip": W("（压缩包）", "(a zip archive)"),
    "suffix_is_xlsx": W("（Excel 工作簿，请改用 .xlsx）", "(an Excel workbook: use .xlsx)"),
    "suffix_is_doc": W("（Word 文档，请改用 .doc）", "(a Word document: use .doc)"),
    "suffix_is_docx": W("（Word 文档，请改用 .docx）", "(a Word document: use .docx)"),
    "detail_wrong_suffix": W("文件内容与扩展名不符", "the content does not match the file extension"),
    "detail_not_office": W("不是 Office 文档", "not an Office document"),
    "detail_xml_dtd": W("XML 含 DTD", "the XML declares a DTD"),
    "detail_xml_malformed": W("XML 格式错误", "malformed XML"),
    "detail_xml_empty": W("XML 为空", "the XML is empty"),
    "detail_table_too_large": W("表格过大", "a table is too large"),
    "detail_word_header": W("Word 文档头不完整", "the Word file header is incomplete"),
    "detail_not_word": W("不是 Word 文档", "not a Word document"),
    "detail_word_no_pieces": W("Word 文档缺少文字表", "the Word document has no piece table"),
    "detail_word_pieces_damaged": W("Word 文字表损坏", "the Word piece table is damaged"),
    "detail_word_no_body": W("Word 文档没有正文", "the Word document has no body text"),
    "detail_word_pieces_length": W("Word 文字表长度不合理", "the Word piece table has an impossible length"),
    "detail_word_truncated": W("Word 文档不完整", "the Word document is incomplete"),
    "detail_docx_no_document": W("缺少正文 document.xml", "the body, document.xml, is missing"),
    "detail_docx_no_body": W("缺少正文 body", "the document has no body"),
    "detail_ofd_too_much_text": W("OFD 文字过多", "the OFD holds too much text"),
    "detail_mht_too_many_parts": W("MHT 部件过多", "the MHT file has too many parts"),
    "detail_mht_malformed": W("MHT 格式错误", "malformed MHT"),
    "detail_mht_no_page": W("MHT 文件中没有网页", "the MHT file holds no web page"),
    "detail_image_unrecognised": W("图像无法识别", "the image cannot be recognised"),
    "detail_image_damaged": W("图像文件损坏", "the image file is damaged"),
    "detail_image_too_large": W("图像尺寸过大", "the image is too large"),
    "detail_ofd_no_document": W("OFD.xml 未指明文档", "OFD.xml names no document"),
    "detail_ofd_no_pages": W("OFD 文档没有页面", "the OFD document has no pages"),
    "detail_ole_damaged": W("复合文档结构损坏", "the compound file structure is damaged"),
    "detail_pdf_unopenable": W("PDF 无法打开", "the PDF cannot be opened"),
    "detail_pdf_page_damaged": W("PDF 页面损坏", "a PDF page is damaged"),
    "detail_not_rtf": W("不是 RTF 文档", "not an RTF document"),
    "detail_rtf_malformed": W("RTF 格式错误", "malformed RTF"),
    "detail_sheet_sprawl": W("工作表过大或过于分散", "the worksheet is too large or too scattered"),
    "detail_xls_unparsable": W("Excel 工作簿无法解析", "the Excel workbook cannot be parsed"),
    "detail_merge_too_large": W("合并单元格范围过大", "a merged cell range is too large"),
    "detail_json_no_nodes": W("缺少 nodes 列表", "the nodes list is missing"),
    "detail_json_too_deep": W("层级嵌套过深", "the levels nest too deeply"),
    "detail_target_is_folder": W("目标是一个文件夹", "the target is a folder"),
    "detail_part_missing": W("缺少 {name}", "{name} is missing"),
    "detail_part_damaged": W("{name} 已损坏", "{name} is damaged"),
    "detail_zip_damaged": W("压缩包结构损坏", "the zip structure is damaged"),
    "detail_stream_missing": W("缺少 {name} 数据流", "the {name} stream is missing"),
    "detail_stream_length": W("{name} 数据流长度不合理", "the {name} stream has an impossible length"),
    "detail_stream_damaged": W("{name} 数据流损坏", "the {name} stream is damaged"),
    "detail_json_bad_year": W("year 应为四位数的年份", "year must be a year of four digits"),
    # -- the import checks (core.parse.checks) and the readers' notes ------------------------------
    # A text ending in "：" is followed by the lines it lists.
    "no_title": W("未识别到计划标题，请填写", "The plan's title was not found; please fill it in."),
    "no_year": W("年份未识别，请确认", "The year was not found; please check it."),
    "no_units": W("{count} 项任务未识别到责任单位", "{count} tasks have no responsible unit."),
    "numbering_gap": W("“{section}”下编号不连续", "Numbering under “{section}” is not continuous."),
    "numbering_gap_top": W("一级编号不连续", "The top-level numbering is not continuous."),
    "no_text": W("{count} 个事项没有内容", "{count} items have no text."),
    "noise_skipped": W("以下内容疑似网页杂项，未导入（{count} 行）：",
                       "These lines look like web page clutter and were not imported ({count} lines):"),
    "no_nodes": W("没有任何事项，无法保存", "There are no items, so nothing can be saved."),
    "pages_cut": W("文件共 {total} 页，只读取了前 {read} 页，其后的内容没有导入。",
                   "The file has {total} pages; only the first {read} were read, and what follows was not "
                   "imported."),
    "ocr_used": W("这是扫描件，文字由识别得出（{pages} 页），请对照原件核对。",
                  "This is a scan: its text was recognised from {pages} page images. Please check it against the "
                  "original."),
    "ocr_low_confidence": W("{count} 行文字识别把握不大，请重点核对：",
                            "{count} lines were recognised with low confidence; check these first:"),
    "no_structure": W("未找到编号结构，已将 {count} 个段落逐条列为任务，请在预览中调整层级、合并段落",
                      "No numbering was found, so the {count} paragraphs are listed as separate tasks. Please "
                      "indent and merge them in the preview."),
    "table_guessed": W("表格“{head}”的表头未能识别，已按单元格内容读取各列，请核对任务、责任单位和时限",
                       "The header of the table “{head}” was not recognised; its columns were read from their "
                       "cells. Please check the tasks, units and time limits."),
    # -- names: task statuses (core.domain.status), unit roles (core.domain.records.ROLES), why a
    # backup was made (core.store.backup)
    "status_todo": W("未开始", "Not started"),
    "status_doing": W("进行中", "In progress"),
    "status_done": W("已完成", "Done"),
    "status_ongoing": W("持续推进", "Ongoing"),
    "status_na": W("不适用", "Not applicable"),
    "role_lead": W("牵头", "Lead"),
    "role_responsible": W("责任", "Resp."),
    "role_cooperating": W("配合", "Coop."),
    "role_units_lead": W("牵头单位", "Lead unit"),
    "role_units_responsible": W("责任单位", "Responsible units"),
    "role_units_cooperating": W("配合单位", "Cooperating units"),
    "backup_reason_daily": W("每日（自动）", "Daily (automatic)"),
    "backup_reason_import": W("导入之前", "Before an import"),
    "backup_reason_migration": W("升级之前", "Before an upgrade"),
    "backup_reason_restore": W("恢复之前", "Before a restore"),
    "backup_reason_delete": W("删除计划之前", "Before deleting a plan"),
    "backup_reason_manual": W("手动备份", "Made by hand"),
    # why a returned fill-in value was not taken (core.collect.merge.Conflict.reason)
    "conflict_units_differ": W("两份填报不一致", "two returns differ"),
    "conflict_changed_since": W("生成填报表后台账已改动", "changed here since the workbooks were made"),
    # -- words the program writes into the plan itself (always Chinese: they are the plan's data) -----
    "new_task": W("新任务", "New task"),
    "untitled_plan": W("未命名计划", "Untitled plan"),
    "attachment": W("附件", "attachment"),
    "carried_over_title": W("{title}（结转{year}）", "{title} (carried over {year})"),
    "history_deferral_reason": W("原因：{reason}", "reason: {reason}"),
    "history_deferral_approval": W("批准：{approval}", "approved by: {approval}"),
    # -- what `check` finds in a database file (core.store.health) ----------------------------------
    "health_is_dir": W("这是一个文件夹，不是数据库文件：{path}", "This is a folder, not a database file: {path}"),
    "health_missing": W("找不到数据库文件：{path}", "The database file cannot be found: {path}"),
    "health_empty": W("数据库文件是空的（0 字节），没有任何数据：{path}",
                      "The database file is empty (0 bytes) and holds no data: {path}"),
    "health_not_sqlite": W("不是 SQLite 数据库：{path}", "Not an SQLite database: {path}"),
    "health_cannot_open": W("无法打开数据库：{detail}", "The database cannot be opened: {detail}"),
    "health_not_ours": W("不是要点台账的数据库：{path}", "Not a Taizhang database: {path}"),
    "health_integrity": W("完整性检查：{detail}", "Integrity check: {detail}"),
    "health_foreign_key": W("外键错误：{table} 第 {row} 行指向不存在的 {parent}",
                            "Foreign key error: row {row} of {table} points to a missing {parent}"),
    "health_too_new": W("结构版本 {found} 比本程序支持的 {supported} 新",
                        "Schema version {found} is newer than the {supported} this program supports"),
    "health_empty_plan": W("计划 {plan_id}（{title}）没有任何事项，可能导入不完整",
                           "Plan {plan_id} ({title}) has no items; its import may be incomplete"),
    "health_orphans": W("{count} 个事项的上级不存在", "{count} items have a parent that does not exist"),
    "health_damaged": W("数据库已损坏：{detail}", "The database is damaged: {detail}"),
    "health_damaged_page": W("数据库已损坏（无法读取的页面）", "The database is damaged (a page cannot be read)"),
    "health_odd_status": W("事项 {node_id} 的状态“{value}”无法识别（程序按“未开始”显示）",
                           "Item {node_id} has an unknown status “{value}” (shown as Not started)"),
    "health_odd_completed_on": W("事项 {node_id} 的完成日期“{value}”不是日期（程序按无日期显示）",
                                 "Item {node_id} has a completion date “{value}” that is not a date (shown as none)"),
    "health_odd_due": W("事项 {node_id} 的时限日期“{value}”不是日期（程序按无日期显示）",
                        "Item {node_id} has a deadline date “{value}” that is not a date (shown as none)"),
    "health_odd_role": W("事项 {node_id} 的单位角色“{value}”无法识别（程序不显示该单位）",
                         "Item {node_id} has an unknown unit role “{value}” (that unit is not shown)"),
    "health_odd_updated_at": W("事项 {node_id} 的修改时间“{value}”不是时间",
                               "Item {node_id} has a change time “{value}” that is not a time"),
    "health_odd_history_at": W("事项 {node_id} 的一条修改记录时间“{value}”不是时间",
                               "Item {node_id} has a history record whose time “{value}” is not a time"),
    "health_odd_deferral_due": W("事项 {node_id} 的延期日期“{value}”不是日期（程序不计这次延期）",
                                 "Item {node_id} has a deferral date “{value}” that is not a date (that deferral "
                                 "does not count)"),
    "health_odd_entry_day": W("事项 {node_id} 的一条进展日期“{value}”不是日期（程序不显示这条进展）",
                              "Item {node_id} has a progress entry dated “{value}”, which is not a date (that entry "
                              "is not shown)"),
    "health_odd_entry_status": W("事项 {node_id} 的一条进展的状态“{value}”无法识别（程序不显示该状态）",
                                 "Item {node_id} has a progress entry with an unknown status “{value}” (that "
                                 "status is not shown)"),
    "health_not_utf8": W("表 {table} 第 {row} 行的 {column} 含有无法识别的文字（程序显示为 �）",
                         "Row {row} of table {table} holds unreadable text in {column} (shown as �)"),
}
del W


def say(item: Coded, lang: Lang = "zh", *, cli: bool = False) -> str:
    """`item`'s message in `lang`, its fields filled; an unknown code falls back to its kind's own
    (a StoreError's "store"), then to "error"."""
    return words(item.code, item.params, lang, cli=cli, fallback=getattr(type(item), "code", "error"))


def words(code: str, params: dict | None = None, lang: Lang = "zh", *, cli: bool = False,
          fallback: str = "error") -> str:
    """The catalogue's text for `code` in `lang`, with `params` filled in."""
    entry = CATALOGUE.get(code) or CATALOGUE.get(fallback) or CATALOGUE["error"]
    zh, en = entry.cli if cli and entry.cli else (entry.zh, entry.en)
    template = en if lang == "en" else zh
    values = {k: say(v, lang, cli=cli) if isinstance(v, Notice) else v for k, v in (params or {}).items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def cli_line(item: Coded) -> str:
    """The Chinese one-liner the command line prints: no closing "。", and no "：" before a list
    (the CLI prints what a message lists on the lines after it)."""
    return say(item, "zh", cli=True).removesuffix("。").removesuffix("：")


def term(code: str, lang: Lang = "zh", default: str | None = None) -> str:
    """A name in the catalogue (a status, a backup's reason); `default` (else the code) when it has none."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return code if default is None else default
    return entry.en if lang == "en" else entry.zh
