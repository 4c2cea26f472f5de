"""Pinyin after converted characters, as sites with a 繁體/拼音 reading aid print their pages.

Such a site converts the page to traditional script and follows each character it converted
with its reading in brackets: 務(wù)公開(kāi). The readings here are the common ones of the
characters plans use most; a character without one is left bare, as those sites also do.
"""

from __future__ import annotations

import random
import re

_PAIRS = (
    "开:kāi 单:dān 区:qū 务:wù 发:fā 责:zé 关:guān 办:bàn 门:mén 项:xiàng 头:tóu 牵:qiān 点:diǎn "
    "规:guī 时:shí 县:xiàn 实:shí 设:shè 业:yè 进:jìn 会:huì 范:fàn 动:dòng 审:shěn 对:duì 资:zī "
    "况:kuàng 厅:tīng 国:guó 结:jié 网:wǎng 条:tiáo 执:zhí 报:bào 准:zhǔn 决:jué 号:hào 标:biāo "
    "处:chù 计:jì 灾:zāi 乡:xiāng 层:céng 经:jīng 栏:lán 调:tiáo 划:huà 预:yù 农:nóng 领:lǐng "
    "镇:zhèn 现:xiàn 应:yìng 录:lù 属:shǔ 页:yè 场:chǎng 态:tài 专:zhuān 辖:xiá 环:huán 数:shù "
    "将:jiāng 户:hù 级:jí 权:quán 类:lèi 监:jiān 统:tǒng 过:guò 机:jī 费:fèi 间:jiān 请:qǐng "
    "围:wéi 财:cái 济:jì 优:yōu 运:yùn 综:zōng 线:xiàn 绕:rào 产:chǎn 确:què 档:dàng 据:jù "
    "负:fù 严:yán 广:guǎng 归:guī 备:bèi 坚:jiān 债:zhài 题:tí 导:dǎo 节:jié 组:zǔ 编:biān "
    "质:zhì 隐:yǐn 见:jiàn 额:é 际:jì 为:wéi 与:yǔ 众:zhòng 训:xùn 闻:wén 个:gè 来:lái 热:rè "
    "诉:sù 电:diàn 记:jì 说:shuō 当:dāng 问:wèn 后:hòu 长:zhǎng")
READINGS = dict(re.findall(r"(\S):(\S+)", _PAIRS))


def annotate(rng: random.Random, traditional: str, convert) -> str:
    """The converted text with a reading after each character whose traditional form differs."""
    marks: dict[str, str] = {}
    for simple, reading in READINGS.items():
        trad = convert(simple)
        if trad != simple and len(trad) == 1:
            marks[trad] = reading
    spaced = rng.random() < 0.3  # some sites leave a space before the closing bracket
    out = []
    for ch in traditional:
        out.append(ch)
        if ch in marks:
            out.append(f"({marks[ch]}{' ' if spaced and rng.random() < 0.2 else ''})")
    return "".join(out)
