"""Stage 1: clean each line of web-copy damage, and tell page noise from plan text.

Cleaning keeps the script the text was written in; only the keyword tests run on the
traditional→simplified fold (core.domain.textfold), so they work for both scripts.
"""

from __future__ import annotations

import re

from core.domain.textfold import fold

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# pinyin ruby after a character: 務(wù), 會(huì ); a tone mark is required so "(app)" survives.
# The bracket comes first and the character before it is looked back at from there, so a scan
# of a long line stops only at brackets (a pattern opening with a look-behind tries every place).
_SYLLABLE = rf"[a-zü{_TONED}]{{0,6}}[{_TONED}][a-zü{_TONED}]{{0,6}}"
_RUBY = re.compile(rf"[(（](?<=[\u3400-\u9fff][(（]) ?{_SYLLABLE}(?: {_SYLLABLE}){{0,3}} ?[)）]")
_CODES = re.compile(r"〖[^〗\n]{0,12}〗")  # typesetting codes such as 〖HT〗 〖FL(K2〗
_SPACES = re.compile(r"[\s\u3000\u00a0\u2002-\u200b\ufeff]+")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/)[^()\s]*\)")
_CJK = re.compile(r"[\u3400-\u9fff]")

# where a copied web page stops being the plan (tested on the fold, spaces removed)
_END_START = re.compile(
    r"^(?:主题词|抄送|附件[:：]|相关附件|相关链接|相关文章|相关新闻|相关阅读|相关信息|上一篇|下一篇|"
    r"责任编辑|【?(?:打印|关闭|返回)(?:本页|窗口|顶部|页面)?】|打印本页|关闭窗口|扫一扫|分享到|版权所有|主办单位|承办单位|网站地图|"
    r"联系我们|关于我们|\[?文字版下载|【?我要纠错|producedby)",
    re.IGNORECASE,
)
# Words looked for anywhere are kept apart from what must stand at the line's start or end: a
# pattern of plain words lets the scan of a long line stop only at their first characters, one
# with an anchored branch in it tries every place of the line.
_END_ANY = re.compile(r"仅供参考|版权所有|ICP备|免责声明|重新编辑")
_END_PRINTED = re.compile(r"(?:\d{1,2}月\d{1,2}|\d)日印发$")  # "…12月31日印发" ends the line
_PRINTED_MAX = 9  # the longest such end, with a line break after it
_NOISE_ANY = re.compile(r"字体[:：]?\[|字号[:：]|【字体|浏览次数|访问次数|点击数[:：]|您现在的位置|当前位置[:：]|分享到[:：]?$")
_NOISE_LINE = re.compile(
    r"【?(?:打印|关闭|收藏|返回顶部)】?$|"
    r"(?:网站)?首页 ?[/>»›＞-]"  # a breadcrumb ("网站首页 / 信息公开 / 年度计划")
)


def clean(text: str) -> str:
    """One line without ruby, typesetting codes, markdown link marks or odd spaces; the script is
    left as it was."""
    if "](" in text:  # "[标题](http://…)": a page saved as markdown
        text = _MD_LINK.sub(r"\1", text)
    if "(" in text or "（" in text:
        text = _RUBY.sub("", text)
    if "〖" in text:
        text = _CODES.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_end(text: str) -> bool:
    """True for a footer line (主题词, 抄送, 相关链接, disclaimers …) that ends the plan."""
    key = fold(text).replace(" ", "")
    return bool(_END_START.match(key) or _END_ANY.search(key)
                or _END_PRINTED.search(key, max(0, len(key) - _PRINTED_MAX)))


def is_noise(text: str) -> bool:
    """True for page furniture with no plan content (font-size switches, breadcrumbs, stray marks)."""
    if not _CJK.search(text):
        return True
    key = fold(text).replace(" ", "")
    return bool(_NOISE_LINE.match(key) or _NOISE_ANY.search(key))
