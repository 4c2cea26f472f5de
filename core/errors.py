"""One error hierarchy for the whole app.

Core raises these with a code and parameters, never with user-facing prose; the CLI
(`main.py`) and the GUI (`gui/errors.py`) each turn a code into one plain-Chinese message.
Anything else that escapes is a bug, and is reported as such.
"""

from __future__ import annotations


class TaizhangError(Exception):
    """Base of every expected failure; `code` names it, `params` fill the message."""

    code = "error"

    def __init__(self, code: str | None = None, **params: object) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class InputError(TaizhangError):
    """The file or text the user gave cannot be read as a plan."""

    code = "bad_input"


class StoreError(TaizhangError):
    """The database cannot be opened or written (damaged, foreign, too new, locked, disk)."""

    code = "store"


class NotFoundError(TaizhangError):
    """A plan, node or other record named by id does not exist."""

    code = "not_found"


class OutputError(TaizhangError):
    """A file the user asked for cannot be written (open in another program, read-only, disk full)."""

    code = "output"


class UsageError(TaizhangError):
    """A request that makes no sense (unknown status, bad date, a section where a task is needed)."""

    code = "usage"


# Chinese one-line messages, used by the CLI; the GUI has its own tr() copies in gui/errors.py.
MESSAGES: dict[str, str] = {
    "error": "操作失败",
    "bad_input": "无法读取该文件",
    "file_missing": "找不到文件：{path}",
    "file_too_large": "文件过大（{size_mb} MB），超过 {limit_mb} MB 的上限",
    "file_empty": "文件是空的",
    "file_unreadable": "无法读取文件（没有权限，或正被其他程序占用）：{path}",
    "unsupported_format": "不支持的文件格式：{suffix}。请使用 .docx、.doc、.wps、.xlsx、.xls、.et、.pdf、.ofd、"
                          ".html、.txt 或解析 JSON",
    "old_doc": "这是旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后再导入",
    "old_xls": "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入",
    "encrypted": "文件已加密或受密码保护，请先在原程序中取消密码后再导入",
    "corrupt": "文件已损坏，无法打开（{detail}）",
    "zip_bomb": "文件解压后过大，已拒绝读取",
    "scanned": "这是扫描件（图片），没有可直接读取的文字。请使用“带识别”版要点台账导入，或向发文单位索取 Word/WPS 文件",
    "scan_too_long": "这是扫描件，共 {pages} 页，超过文字识别的上限 {limit} 页，请只扫描工作要点部分后再导入",
    "scan_unreadable": "这是扫描件，但没有识别出文字（图像可能过于模糊或不是文字）",
    "sheet_too_large": "工作表过大（超过 {limit} 个单元格），不像是工作台账，已拒绝读取",
    "no_plan": "文件中没有找到工作要点内容",
    "bad_encoding": "无法识别文件的文字编码",
    "bad_json": "解析 JSON 格式不正确：{detail}",
    "store": "数据库出错",
    "db_not_taizhang": "{path} 不是要点台账的数据库",
    "db_damaged": "数据库文件已损坏：{path}",
    "db_too_new": "数据库由更新版本的要点台账创建（结构版本 {found}，本程序支持 {supported}），请升级程序",
    "db_readonly": "数据库所在位置不可写：{path}",
    "db_locked": "数据库正被另一个程序使用：{path}",
    "db_write_failed": "写入数据库失败：{detail}",
    "db_is_dir": "{path} 是一个文件夹，不是数据库文件（--db 应指向 .sqlite3 文件）",
    "db_folder_missing": "数据库所在的文件夹不存在：{path}",
    "db_empty": "文件是空的（0 字节），不是可用的要点台账数据库：{path}（如有备份，可用 backup --restore 恢复）",
    "db_needs_upgrade": "数据库是旧版本的结构，只读的命令不能升级它：{path}（用窗口或修改命令打开一次即自动升级，"
                        "升级前会先备份；在只读的 U 盘上请先复制到可写的文件夹）",
    "db_missing": "找不到数据库文件：{path}（文件被移走，或 U 盘已拔出？）",
    "db_full": "磁盘已满，无法写入数据库：{path}",
    "db_io_error": "读写数据库文件出错（U 盘是否已拔出？）：{path}",
    "db_open_in_window": "数据库正在要点台账窗口中打开，请先关闭窗口再恢复备份：{path}",
    "backup_failed": "备份失败：{detail}",
    "backup_full": "磁盘已满，无法写入备份：{path}",
    "backup_readonly": "备份文件夹不可写（只读或没有权限）：{path}",
    "backup_missing": "找不到备份文件：{path}",
    "bad_link": "链接不能为空",
    "bad_move": "不能这样移动：目标位置无效",
    "bad_evidence_name": "附件文件名无效：{name}",
    "evidence_disk_full": "磁盘已满，佐证材料没有保存：{path}",
    "evidence_readonly": "佐证材料文件夹不可写（只读或没有权限），佐证材料没有保存：{path}",
    "evidence_write_failed": "佐证材料保存失败（{detail}）：{path}",
    "evidence_not_found": "找不到该佐证材料",
    "evidence_file_gone": "佐证材料的副本已不在，无法恢复：{path}",
    "not_found": "找不到记录",
    "plan_not_found": "找不到编号为 {plan_id} 的计划",
    "node_not_found": "找不到编号为 {node_id} 的事项",
    "usage": "操作无效",
    "bad_status": "未知状态：{status}（可用：未开始、进行中、已完成、持续推进、不适用）",
    "bad_date": "日期格式不正确：{value}（应为 2024-07-01）",
    "not_a_task": "编号为 {node_id} 的事项是一个分组，只有具体任务才有状态",
    "plan_already_imported": "该计划已经导入过（计划 {plan_id}：{title}），没有重复导入；确要再导入一份，请加 --again",
    "delete_needs_yes": "删除计划 {plan_id}（{title}）需要确认：请加 --yes（删除前会自动备份）",
    "cli_usage": "命令用法不对：{detail}。用 --help 查看用法",
    "cli_no_command": "未知命令：{command}（可用：{choices}）。用 --help 查看用法",
    "cli_required": "缺少必需的参数：{names}。用 --help 查看用法",
    "cli_unknown_args": "不认识的参数：{args}。用 --help 查看用法",
    "cli_bad_choice": "参数 {name} 的值 {value} 无效（可用：{choices}）",
    "cli_bad_number": "参数 {name} 需要一个整数，而不是 {value}",
    "cli_needs_value": "参数 {name} 后面缺少值",
    "cli_conflict": "参数 {name} 不能与 {other} 同时使用",
    "cli_ambiguous": "参数 {option} 不明确：可能是 {matches}，请写全",
    "cli_takes_no_value": "参数 {name} 不带值（却给了 {value}）",
    "deferral_needs_reason": "延期须写明原因（--reason）",
    "deferral_same_date": "新的时限 {date} 与现在的时限相同，无需延期",
    "deferral_not_found": "找不到该延期记录",
    "entry_needs_text": "进展内容不能为空",
    "entry_not_found": "找不到该进展记录",
    "bad_period": "不认识的时段：{period}（可用：{choices}，或用 --from/--to 指定日期）",
    "bad_range": "起始日期 {start} 晚于结束日期 {end}",
    "collect_no_tasks": "计划中没有点名“{unit}”的任务（含统称），未生成填报表",
    "collect_needs_unit": "请用 --unit 指定单位，或用 --all-units 为全部单位生成一个填报表",
    "fill_unreadable": "无法读取填报文件（不是 .xlsx 工作簿，或已损坏）：{path}",
    "fill_other_plan": "填报文件 {file} 是为另一个计划（编号 {detail}）生成的，已跳过",
    "fill_no_rows": "填报文件 {file} 中没有找到任务行（表头应有“工作任务”及“状态”或“完成情况”），已跳过",
    "fill_bad_status": "{file} 第 {row} 行的状态“{detail}”无法识别，该行状态未采用",
    "fill_bad_date": "{file} 第 {row} 行的完成日期“{detail}”无法识别，该行日期未采用",
    "merge_same_name": "有同名的填报文件：{names}（历史记录按文件名区分来源，请先改名）",
    "merge_take_unknown": "--take 指定的 {file} 不在本次合并的文件中",
    "diff_needs_two": "比较需要两个计划：--plan 旧计划编号 --plan 新计划编号",
    "output": "无法写入导出文件",
    "export_locked": "文件正被其他程序打开（如 Word、WPS、Excel），请关闭后再导出：{path}",
    "export_readonly": "无法在此位置保存（文件夹只读或没有权限），请换一个位置：{path}",
    "export_failed": "导出文件写入失败（{detail}）：{path}",
    "export_empty": "没有符合筛选条件的任务，未生成文件",
    "bad_export_format": "不支持的导出格式：{format}（可用：docx、xlsx）",
    "export_no_reporter": "不知道以哪个单位的名义填报：请用 --unit 选择单位、用 --reporter 写明填报单位，或先用 mine --set 设置本单位",
    "export_no_my_units": "还没有设置本单位，无法导出“我的任务”：请先用 mine --set 单位名称 设置",
    "bad_script": "未知的文字选项：{script}（可用：simplified 简体、traditional 繁体、original 原文）",
    "mark_nothing": "请至少给出 --status、--note 或 --date 之一",
    "export_wrong_suffix": "导出文件名的扩展名 {suffix} 与导出格式 {format} 不符（Word 文件用 .docx，Excel 文件用 .xlsx）：{path}",
}


def message(err: TaizhangError) -> str:
    """A plain Chinese one-liner for `err`; unknown codes fall back to the class's."""
    template = MESSAGES.get(err.code) or MESSAGES.get(type(err).code, MESSAGES["error"])
    try:
        return template.format(**err.params)
    except (KeyError, IndexError):
        return template
