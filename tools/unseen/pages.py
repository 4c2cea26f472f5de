"""Site noise around a copied page, metadata blocks, and the headers web archives put on text."""

from __future__ import annotations

import datetime as dt
import random

BREADCRUMBS = ["首页 > 政务公开 > 政策文件", "当前位置：首页 > 信息公开 > 法定主动公开内容 > 计划规划",
               "您所在的位置：首页>政府信息公开>工作要点", "首页 » 政务公开 » 通知公告",
               "位置：网站首页 - 政府信息公开 - 规划计划"]
TOOLBARS = ["字号：大 中 小", "【字体：大 中 小】", "【打印本页】【关闭窗口】", "分享到：微信 微博 QQ空间",
            "打印本页 关闭窗口", "浏览次数：{views}", "字体：[大] [中] [小]  打印"]
NEIGHBOURS = ["关于开展政府网站年度自查工作的通知", "关于2023年第三季度政务新媒体检查情况的通报",
              "关于公布政府信息公开工作年度报告的公告", "关于调整政务公开工作领导小组成员的通知"]
FOOTERS = ["上一篇：{prev}", "下一篇：{next}", "附件下载：1.{prev}.pdf  2.{next}.docx", "【打印本页】 【关闭窗口】", "扫一扫在手机打开当前页", "主办单位：{issuer}  网站标识码：{site}",
           "ICP备案号：{icp}  公网安备 {site}号", "相关链接：", "【我要纠错】 【打印】 【关闭】",
           "分享到：", "版权所有：{issuer}  技术支持：信息中心"]


COPIED_TO = {"province": ["省委各部门", "省人大常委会办公厅", "省政协办公厅", "省纪委监委机关", "省法院", "省检察院"],
             "city": ["市委各部门", "市人大常委会办公室", "市政协办公室", "市纪委监委", "市中级法院", "市检察院"],
             "county": ["县委各部门", "县人大常委会办公室", "县政协办公室", "县纪委监委", "县法院", "县检察院"],
             "district": ["区委各部门", "区人大常委会办公室", "区政协办公室", "区纪委监委", "区法院", "区检察院"]}
LINKS = ["中国政府网", "省政府门户网站", "市政府门户网站", "政务服务网", "信用中国", "12345热线"]


def copied_to(rng: random.Random, level: str) -> str:
    """The 抄送 line of a notice's 版记: offices that are told, not tasked (never units of a task)."""
    names = rng.sample(COPIED_TO.get(level, COPIED_TO["city"]), rng.randint(3, 6))
    return rng.choice(["抄送：", "抄送: ", "抄 送："]) + "，".join(names) + "。"


def page_date(rng: random.Random, signed: dt.date) -> dt.date:
    """A page is published a few days after the document is signed."""
    return signed + dt.timedelta(days=rng.randint(0, 9))


def header_noise(rng: random.Random, issuer: str, published: dt.date) -> list[str]:
    lines = [rng.choice(BREADCRUMBS)]
    if rng.random() < 0.6:
        lines.append(f"来源：{issuer}  发布时间：{published.isoformat()}  " + rng.choice(["", "浏览次数：87"]))
    lines += [t.format(views=rng.randint(20, 3000)) for t in rng.sample(TOOLBARS, rng.randint(1, 2))]
    return lines


def footer_noise(rng: random.Random, issuer: str) -> list[str]:
    site = f"{rng.randint(1000, 9999)}{rng.randint(100000, 999999)}"
    icp = rng.choice(["赣", "湘", "川", "冀", "皖"]) + f"ICP备{rng.randint(10000000, 99999999)}号"
    picked = rng.sample(FOOTERS, rng.randint(2, 4))
    prev, nxt = rng.sample(NEIGHBOURS, 2)
    out = [f.format(issuer=issuer, site=site, icp=icp, prev=prev, next=nxt) for f in picked]
    if rng.random() < 0.25:  # a links bar, or a spammer's list of places stuck under the page
        out.append(rng.choice(["友情链接：", "相关网站："]) + " | ".join(rng.sample(LINKS, 4)))
    return out


def meta_block(rng: random.Random, *, index_no: str, issuer: str, name: str, signed: dt.date,
               doc_number: str | None) -> list[str]:
    """索引号/发布机构/名称/发文日期/文号, in one of the layouts public-information catalogues use."""
    number = doc_number or ""
    style = rng.random()
    if style < 0.25:  # the catalogue's other wording: 发文机关 / 成文日期, two fields a line
        return [f"索引号：{index_no}　主题分类：政务公开", f"发文机关：{issuer}　成文日期：{signed.isoformat()}",
                f"标题：{name}", f"发文字号：{number}　发布日期：{signed.isoformat()}", "有效性：有效"]
    if style < 0.6:
        return [f"索引号：{index_no}　　主题分类：综合政务", f"发布机构：{issuer}　　发文日期：{signed.isoformat()}",
                f"名称：{name}", f"文号：{number}　　主题词：政务公开"]
    spaced = rng.random() < 0.5
    keys = ["索 引 号", "发布机构", "名　　称", "发文日期", "文　　号"] if spaced else \
           ["索引号", "发布机构", "名称", "发文日期", "文号"]
    vals = [index_no, issuer, name, f"{signed.year}年{signed.month:02d}月{signed.day:02d}日", number]
    return [f"{k}：{v}" for k, v in zip(keys, vals, strict=True)]


def index_number(rng: random.Random, year: int) -> str:
    return f"{rng.randint(10**8, 10**9 - 1)}/{year}-{rng.randint(100, 99999):05d}"


def archive_header(rng: random.Random, notice_title: str, published: dt.date) -> str:
    """What a crawl or an archive tool writes before the page's text (one of a few styles)."""
    url = f"http://www.{rng.choice(['gov', 'zw', 'xxgk'])}{rng.randint(10, 99)}.gov.cn/zwgk/{published.year}" \
          f"{published.month:02d}/t{published:%Y%m%d}_{rng.randint(100000, 999999)}.html"
    style = rng.randint(0, 2)
    if style == 0:
        return (f"页面标题：{notice_title}\n抓取时间：{published.year + 2}-03-0{rng.randint(1, 9)} 10:{rng.randint(10, 59)}\n"
                f"来源网址：{url}\n-----正文开始-----\n")
    if style == 1:
        return f"Title: {notice_title}\nURL: {url}\nDate: {published.isoformat()}\n\n"
    return f"[{notice_title}]({url})\n"
