"""Every cleaning rule, as data: one `Rule` per kind of boilerplate, applied in `RULES` order.

A rule does exactly one of:
- `drop`: a pattern that must match a whole (trimmed) line; the line is removed.
- `strip`: a pattern whose matches are deleted from a line; the rest of the line stays
  (a byline in front of the lead, a copyright notice after a photo caption).
- `block`: a heuristic over all lines (see `blocks.py`) for boilerplate that only its
  neighbours give away (headline lists after the copyright, quote widgets, repeats).
`meta` optionally reads metadata (outlet, reporters, date) from what a pattern matched.

Rules describe kinds of boilerplate seen across outlets and portals, never one page's
sentences. To add one: append a `Rule` here and a `test_rule_<name>` in
tests/test_cleaning_rules.py (a test checks that every rule has one).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotator.cleaning import blocks
from annotator.cleaning.lines import Line
from annotator.cleaning.meta import (
    NAME,
    OUTLETS,
    PLACES,
    REPORTER_ROLE,
    MetaFinder,
    outlet_in,
    outlet_of_dateline,
    split_names,
)


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # what sort of boilerplate: navigation, portal, widget, byline, copyright, ...
    doc: str
    drop: re.Pattern | None = None
    strip: re.Pattern | None = None
    block: Callable[[list[Line], MetaFinder], Iterable[Line]] | None = None
    meta: Callable[[re.Match, MetaFinder], None] | None = None
    # Strings one of which every match of `strip` (or line `drop` removes) contains: a line holding none
    # of them is skipped without running the pattern (a speed-up only; keep it in step with the pattern).
    needs: tuple[str, ...] = ()


def _words(*words: str, counts: bool = False) -> str:
    """A line made only of these words (with separators, and maybe counters after each)."""
    alt = "|".join(sorted(words, key=len, reverse=True))
    item = rf"(?:{alt})" + (r"\s*[0-9,]*" if counts else "")
    return rf"[\[<(]?\s*{item}(?:\s*[|·/,>\]]?\s*{item})*\s*[\]>)]?"


NAMES = rf"{NAME}(?:\s*[·ㆍ,]\s*{NAME}){{0,5}}"  # bounded: searching long lines stays linear
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


# --- metadata readers -------------------------------------------------------

def _byline_bracket(m: re.Match, meta: MetaFinder) -> None:
    inside = m["inside"]
    outlet = outlet_in(inside)
    if not outlet:  # an outlet we do not list is the first word, set apart by a space or a slash
        first, _, rest = inside.replace("/", " ", 1).partition(" ")
        outlet = first if rest and re.search(NAME, rest) and not re.search(REPORTER_ROLE + "$", first) else None
    meta.offer("outlet", outlet, 3)
    meta.add_reporters(split_names(inside.replace(outlet, " ", 1) if outlet else inside))


def _byline_dateline(m: re.Match, meta: MetaFinder) -> None:
    outlet, names = outlet_of_dateline(m["dl"])
    names += split_names(m["names"] or "")
    # "(서울=연합뉴스) 김철수 기자 =" is the byline; "(AFP=연합뉴스)" only credits a photo.
    sure = bool(names) or bool(PLACES.match(m["dl"].partition("=")[0].strip()))
    meta.offer("outlet", outlet, 3 if sure else 1)
    meta.add_reporters(names)


def _names(m: re.Match, meta: MetaFinder) -> None:
    groups = m.groupdict()
    meta.add_reporters(split_names(groups.get("names") or groups.get("names2") or groups.get("names3") or ""))


_DESKS = ("부", "팀", "국", "실", "센터", "데스크")


def _reporter_line(m: re.Match, meta: MetaFinder) -> None:
    """'홍길동 기자', '뉴스웨이 안태준 기자', 'SBS Biz 김철수 기자', '김철수 이영희 기자': a word before the
    names is the outlet, unless it is one more name."""
    names, lead = split_names(m["names"]), m["lead"]
    if lead and not lead.endswith(_DESKS) and not lead.startswith(("[", "(")):  # 산업부 홍길동 기자: a desk
        if outlet_in(lead) == lead:
            meta.offer("outlet", lead, 2)
        elif re.fullmatch(NAME, lead):
            names = split_names(lead) + names
        else:
            meta.offer("outlet", lead, 1)
    meta.add_reporters(names)


_DATELINE_PLACE = re.compile(r"^\s*[\[(<]?\s*/?\s*[가-힣]{2,5}\s*=")


def _names_and_mails(m: re.Match, meta: MetaFinder) -> None:
    """Every reporter of an e-mail line ('문지현 기자 moon@x.com·강태민 기자 ktm@x.com')."""
    text = _DATELINE_PLACE.sub(" ", re.sub(EMAIL, " ", m[0]))  # 창원=김가람 기자: the place is no name
    meta.add_reporters([n for n in split_names(text) if outlet_in(n) != n])  # not '공감언론 뉴시스'


def _byline_date(m: re.Match, meta: MetaFinder) -> None:
    meta.add_reporters(split_names(m["names"]))
    meta.offer_dateline(m["stamp"])


def _outlet_tag(m: re.Match, meta: MetaFinder) -> None:
    meta.offer("outlet", outlet_in(m[0]), 2)


def _copyright(m: re.Match, meta: MetaFinder) -> None:
    text = m[0]
    found = outlet_in(text)
    if not found:  # "Copyright © 뉴스핌. ..." with an outlet we do not list: the word after the mark
        w = re.search(r"(?:Copyright|COPYRIGHT|저작권자|ⓒ|©|\([cC]\))\s*(?:ⓒ|©|\([cC]\))?\s*(?:\d{4}\s*)?(?:by\s+)?['\"‘“]?"
                      r"([^\s.,&'\"’”\]>]+)", text)
        found = w[1] if w and not re.fullmatch(r"\d{4}|All|무단.*", w[1]) else None
    meta.offer("outlet", found, 1)


def _site(m: re.Match, meta: MetaFinder) -> None:
    meta.offer("outlet", outlet_in(m["site"]) or m["site"].strip(), 2)


def _provider(m: re.Match, meta: MetaFinder) -> None:
    meta.offer("outlet", outlet_in(m["who"]) or m["who"].strip(), 1)


def _dateline(m: re.Match, meta: MetaFinder) -> None:
    meta.offer_dateline(m[0])


# --- patterns ---------------------------------------------------------------

# Words before "=" that make a bracket a photo/graphic credit, not a dateline.
_CREDIT = r"(?:사진|이미지|그래픽|자료|출처|영상|제공|일러스트|편집|디자인)"
_OUTLET_ALT = "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
_DATE_ITEM = (r"(?:\d{4}\s*[.\-/년]\s*)?\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?"  # (2024.)03.28
              r"|\([월화수목금토일月火水木金土日]\)|[월화수목금토일]요일"  # (목)
              r"|(?:오전|오후|AM|PM)?\s*\d{1,2}\s*[:시]\s*\d{2}(?:\s*[:분]\s*\d{2})?\s*(?:분|초)?"  # 10:12
              r"|입력|기사\s*입력|기사\s*등록|기사\s*수정|최종\s*수정|수정|등록|송고(?:\s*시간)?|발행(?:일)?|게재|작성(?:일)?|승인|공개|"
              r"업데이트|기사\s*전송|기사\s*원문|일시|일자|날짜|KST|Published|Updated|Posted|Date"
              r"|지면\s*[A-Z]?\d{1,2}(?:\s*면)?")  # where it ran in print (지면A14), after the dates
# One quote: a name, a price, an arrow or sign with the change, maybe a percentage ('코스피 2,500.12 ▲ 10.3 (+0.41%)').
_QUOTE = (r"\S{1,20}(?:\s+\S{1,12})?\s*(?:\(?\d{6}\)?\s*)?[\d,]+(?:\.\d+)?\s*(?:원|만원|억원|달러|USD|KRW|pt|p|%)?\s*"
          r"[|]?\s*(?:[▲▼△▽↑↓]\s*|[+\-−])[\d,]+(?:\.\d+)?\s*(?:%|원|만원|bp|p)?"
          r"(?:\s*\(?\s*[+\-−▲▼]?\s*[\d,]+(?:\.\d+)?\s*%?\s*\)?)?")
# A bare "3월 5일" may be a timeline sub-headline; a stamp has a year, a time, a weekday or a label.
_DATE_LINE = (r"(?=.*(?:\d{4}|\d\s*[:시]\s*\d|\([월화수목금토일月火水木金土日]\)|입력|수정|등록|송고|발행|게재|작성|승인|업데이트|전송|공개|Published))"
              rf"(?:(?:{_DATE_ITEM})\s*[:|·,/]?\s*)+")  # (입력: ... / 수정: ...)

RULES: list[Rule] = [
    Rule("control_chars", "control",
         "ANSI escape sequences and other control characters pasted in by scrapers; never text.",
         strip=re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f]"),
         needs=tuple(map(chr, [*range(0x00, 0x09), *range(0x0b, 0x20), 0x7f]))),
    Rule("skip_link", "navigation",
         "Accessibility skip links ('본문 바로가기', '컨텐츠 바로가기', 'Skip to content').",
         drop=re.compile(r"(?:(?:본문|컨텐츠|콘텐츠|주\s*메뉴|메뉴|검색|하단\s*메뉴|내비게이션)\s*(?:으로\s*)?"
                         r"(?:바로\s*가기|건너\s*뛰기)\s*)+|[Ss]kip\s+to\s+(?:main\s+)?content", re.I)),
    Rule("site_address", "navigation",
         "The site's web address alone on a line, under or beside the masthead ('hankookilbo.com', 'www.x.co.kr').",
         drop=re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]{1,30}\.){1,3}[A-Za-z]{2,6}/?"),
         needs=(".",)),
    Rule("menu_bar", "navigation",
         "Site menus: lines made only of section and account words (홈 | 정치 | 경제 | IT | 로그인), "
         "or of three or more short items split by '|' ('반도체/디스플레이 | 중기&스타트업 | 게임').",
         drop=re.compile(r"(?:[^|\s]{1,12}(?:\s[^|\s]{1,8}){0,2}\s*\|\s*){2,}[^|\s]{1,12}(?:\s[^|\s]{1,8}){0,2}|" + _words("홈", "뉴스홈", "뉴스", "정치", "경제", "사회", "생활/문화", "생활", "문화", "세계",
                                "국제", "IT/과학", "IT", "과학", "연예", "스포츠", "오피니언", "사설", "칼럼", "포토",
                                "영상", "랭킹", "전체", "전체메뉴", "전체\\s*메뉴", "메뉴", "로그인", "로그아웃",
                                "회원가입", "마이페이지", "검색", "닫기", "이전", "다음", "이전\\s*기사",
                                "다음\\s*기사", "더보기", "TV", "날씨", "증권", "부동산", "산업", "기업", "금융",
                                "테크", "라이프", "건강", "전국", "지역", "English", "中文", "日本語", "목록",
                                "맨\\s*위로", "TOP", "Top", "MY", "구독\\s*관리", "뉴스레터", "기사\\s*검색", "기사\\s*수정",
                                "IT·과학", "IT과학", "ICT", "정보통신", "통신", "방송", "모바일", "인터넷", "게임", "보안",
                                "반도체", "자동차", "유통", "바이오", "헬스", "인사", "부고", "전체\\s*기사",
                                "최신\\s*기사", "속보", "기획", "인터뷰", "피플", "글로벌", "가상자산", "이슈",
                                "다음\\s*뉴스", "네이버\\s*뉴스", "Daum\\s*뉴스", "Daum", "지면\\s*보기", "PDF",
                                "(?:전체\\s*)?메뉴\\s*(?:버튼|열기|닫기)", "기사\\s*제보", "제보하기", "모바일\\s*웹", "PC\\s*버전",
                                "구독", "구독\\s*신청", "정기\\s*구독", "뉴스레터\\s*구독", "회원\\s*가입"))),
    Rule("dated_menu", "navigation",
         "Today's date heading a row of account links ('2026년 06월 16일 (화) | 구독신청 | 로그인 | 회원가입').",
         drop=re.compile(r"(?=.*(?:로그인|회원\s*가입|구독))\d{4}\s*[.년-]\s*\d{1,2}\s*[.월-]\s*\d{1,2}\s*[.일]?\s*"
                         r"(?:\(?[월화수목금토일]\)?(?:요일)?)?(?:\s*\|\s*[^|\s]{1,8}(?:\s[^|\s]{1,6})?){2,}\s*\|?"),
         needs=("로그인", "가입", "구독")),  # a date stamp ('2025.10.14 | 입력 14:32') is date_stamp's
    Rule("breadcrumb", "navigation",
         "Where the article sits in the site's sections ('테크 > 스타트업', '경제·금융 > 금융정책', '홈 › IT').",
         drop=re.compile(r"[^>›»\n]{1,12}(?:\s*[>›»]\s*[^>›»\n]{1,12}){1,3}\s*[>›»]?")),
    Rule("site_tagline", "navigation",
         "The site's name with its slogan ('더벨 | 머니투데이 자본시장 미디어', 'IT조선 | IT 전문 뉴스'); names the outlet.",
         drop=re.compile(r"(?P<site>[^|\s][^|]{0,19}?)\s*[|│]\s*[^|]{0,24}(?:미디어|뉴스|신문|언론|매체|통신|방송|저널)"),
         meta=_site),
    Rule("site_footer", "copyright",
         "The publisher's legal footer ('등록번호 서울 아 00000 | 발행·편집인 ...', '사업자등록번호', '청소년보호책임자').",
         drop=re.compile(r"(?=.{0,200}?(?:등록\s*번호|발행\s*[·ㆍ]?\s*편집인|발행인|편집인|청소년\s*보호\s*책임자|"
                         r"대표\s*전화|등록\s*일자|제호))(?!.*다\.)[^\n]{1,250}"),
         needs=("등록", "발행", "편집인", "청소년", "전화", "제호")),
    Rule("summary_disclaimer", "portal",
         "A portal's note on its automatic summary ('자동 추출 기술로 요약된 내용입니다 ... 본문 보기를 권장').",
         drop=re.compile(r".{0,80}?(?:자동\s*추출\s*기술로\s*요약|요약\s*기술의\s*특성상|전체\s*맥락을\s*이해하기\s*위해서는|"
                         r"본문\s*(?:전체\s*)?보기를\s*권장|AI\s*가?\s*요약한\s*내용입니다|AI\s*가?\s*기사를\s*요약했습니다).{0,160}"
                         r"|(?:본문\s*)?요약봇.{0,20}"),
         needs=("기술", "이해하기", "보기를", "내용입니다", "요약봇", "요약했습니다")),
    Rule("portal_notice", "portal",
         "Portal notes about categories/sections, translation, audio, subscribing to the outlet or reporter "
         "('연합뉴스 구독') and the link to the original ('기사원문').",
         drop=re.compile(r".{0,20}(?:기사가\s*속한\s*카테고리|언론사가\s*분류).{0,40}"
                         r"|.{0,10}(?:언론사는|언론사에서).{0,40}(?:카테고리|섹션)(?:으로|로)\s*분류.{0,20}"
                         r"|.{0,20}해당\s*언론사로\s*(?:연결|이동).{0,20}|언론사\s*(?:홈|구독|편집|선정)(?:\s*(?:설정|하기|바로\s*가기))?"
                         r"|.{0,20}Translated\s+by.{0,30}|번역\s*(?:beta|베타|설정).{0,30}"
                         r"|(?:음성으로\s*듣기|음성\s*재생|본문\s*듣기|(?:기사\s*)?읽어\s*주기)(?:\s*[▶■▷]?\s*(?:설정|중지|시작|재생|정지))?|(?:이\s*)?기사를\s*읽어\s*드립니다|\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}"
                         r"|Your browser does not support the (?:audio|video) (?:element|tag)\.?"
                         r"|(?:기자|언론사)\s*(?:구독|프로필|페이지)(?:\s*하기)?|구독자\s*[\d,]+(?:\s*명)?|응원\s*수\s*[\d,]+"
                         r"|.{0,20}(?:이\s*)?(?:기자|언론사)의\s*다른\s*기사.{0,20}|.{0,15}다른\s*기사\s*(?:보기|더\s*보기)"
                         r"|기사\s*섹션\s*분류\s*안내|.{0,20}섹션\s*정보는.{0,80}|(?:텍스트\s*)?음성\s*변환\s*서비스.{0,20}"
                         r"|이\s*기사를\s*추천합니다.{0,80}|기사\s*추천은.{0,60}|모두에게\s*보여주고\s*싶은\s*기사라면.{0,10}"
                         r"|레이어\s*닫기|.{0,20}언론사가\s*직접\s*선정.{0,20}|이\s*기사에\s*대해\s*어떻게\s*생각하시나요\??"
                         rf"|(?:{_OUTLET_ALT})\s*구독(?:하기|중)?|(?:기사\s*)?원문\s*(?:보기|링크)|기사\s*원문")),
    Rule("provider_line", "portal",
         "Who supplied the article to the portal ('기사제공 머니투데이', '출처: 뉴시스'); names the outlet.",
         drop=re.compile(r"(?:(?:기사\s*제공|뉴스\s*제공|제공\s*언론사)\s*[:=]?|출처\s*[:=])\s*(?P<who>\S.{0,20})"),
         meta=_provider),
    Rule("font_size", "widget",
         "Font-size controls and the portal's font preview ('글씨 크게/작게', '가 가 가' or one '가' a line, '(예시) ...').",
         drop=re.compile(r"(?:본문\s*)?(?:글자|글씨)\s*(?:크기|크게|작게|키우기|줄이기|확대|축소)(?:\s*[/|·]?\s*(?:크게|작게|조절|조정|설정|변경|선택|하기))*"
                         r"|이\s*글자\s*크기로\s*변경됩니다\.?|가(?:\s+가)*|가나다라(?:마바사)?|(?:\(예시\)|\[예시\]).*"
                         r"|(?:(?:가장\s*)?(?:작게|보통|크게)\s*[/|·]?\s*){2,}")),
    Rule("share_widget", "widget",
         "Share, copy-link, print, scrap and reading-mode buttons ('클린뷰', '이 기사를 공유합니다') and their "
         "confirmations ('주소복사가 완료되었습니다').",
         drop=re.compile(r"(?:기사\s*)?(?:주소|URL|url|링크)\s*(?:가\s*|이\s*)?복사(?:가|되었|됐|완료|하기).{0,20}|"
                         + _words("공유", "공유하기", "SNS\\s*공유", "기사\\s*공유", "페이스북", "트위터", "X",
                                  "카카오톡", "카카오스토리", "밴드", "네이버\\s*블로그", "블로그", "링크\\s*복사",
                                  "URL\\s*복사", "주소\\s*복사", "이메일", "메일", "인쇄", "인쇄하기", "프린트",
                                  "스크랩", "기사\\s*스크랩", "북마크", "기사\\s*저장", "저장", "보내기", "SNS", "SNS\\s*보내기",
                                  "기사\\s*보내기", "SNS\\s*기사\\s*보내기", "텔레그램", "링크드인", "요약", "요약\\s*보기", "번역",
                                  "구독", "구독중", "구독하기", "구독\\s*취소",
                                  "클린뷰", "읽기\\s*모드", "기사\\s*듣기", "기사\\s*본문\\s*요약", "본문\\s*요약",
                                  "기사\\s*내용\\s*요약", "(?:본문\\s*)?글자\\s*크기(?:\\s*(?:설정|조절|조정|변경))?", "메일\\s*보내기",
                                  "카카오톡\\s*공유", "페이스북\\s*공유", "댓글(?:\\s*[0-9]+)?", "글씨\\s*키우기",
                                  "가(?:\\s+가)*", "글씨\\s*크기(?:\\s*(?:조절|조정|설정|변경))?", "폰트\\s*크기", "확대", "축소",
                                  "기사\\s*URL\\s*복사", "기사\\s*요약", "(?:본문\\s*)?(?:글씨|글자)\\s*(?:크게|작게|키우기|줄이기)",
                                  "이\\s*기사를\\s*공유합니다", "Facebook", "Twitter", "LinkedIn", "Kakao(?:Talk)?", "Band",
                                  "E-?mail", "Print", "URL", "Copy\\s*Link")
                         + r"|.{0,15}\(으\)로\s*기사\s*보내기|다른\s*공유\s*찾기|(?:\S{1,10}\s*)?AI\s*요약(?:\s*(?:보기|듣기|닫기))?"
                         r"|이\s*기사가?\s*(?:도움이?\s*되셨나요|유익하셨나요|마음에\s*드셨나요|어떠셨나요|어떠세요)\s*\??"
                         r"|(?:이\s*)?기사를?\s*(?:공유|스크랩|저장|추천)\s*(?:합니다|하기|하세요|해\s*보세요|해\s*주세요)[.!]?")),
    Rule("comment_prompt", "widget",
         "Comment boxes and counters ('댓글 0', '첫 댓글을 작성해보세요', '로그인 후 댓글').",
         drop=re.compile(r"(?:댓글\s*[\d,]*\s*(?:개)?\s*)?(?:첫\s*)?댓글을?\s*(?:작성|남겨|남기|입력|달아|써)\s*"
                         r"(?:해\s*)?(?:보세요|주세요|하세요|하시려면.*|해보세요)[.!]?|댓글\s*[\d,]+\s*(?:개)?|"
                         r"댓글\s*(?:쓰기|보기|달기|더\s*보기|접기|운영\s*정책.*)"
                         r"|로그인\s*(?:후|하시면|하면|이\s*필요).{0,20}댓글.{0,20}(?:습니다|세요|가능)[.!]?|댓글|타임톡(?:\s*[\d,]+)?")),
    Rule("reactions", "widget",
         "Reaction buttons with their counters ('좋아요 0 / 훈훈해요 0', '추천 3', '조회수 1,024') and the "
         "prompt to press one ('기사가 마음에 드셨다면 좋아요를 눌러주세요').",
         drop=re.compile(_words("좋아요", "싫어요", "훈훈해요", "슬퍼요", "화나요", "놀랐어요", "기뻐요", "감동이에요",
                                "최고예요", "응원해요", "후속기사\\s*원해요", "후속\\s*기사\\s*원해요", "추천해요",
                                "추천", "비추천", "공감", "쏠쏠정보", "흥미진진", "공감백배", "분석탁월",
                                "후속강추", "팬이에요", "궁금해요", "조회수", "조회", "추천수", "반응", "공감수",
                                counts=True)
                         + r"|.{0,40}(?:좋아요|추천|공감|응원)\s*(?:버튼)?\s*(?:을|를)?\s*(?:눌러|클릭해)\s*"
                           r"(?:주세요|주십시오|보세요)[.!]?")),
    Rule("image_click", "caption",
         "Captions that only say how to view the picture ('이미지를 클릭하시면 크게 보실 수 있습니다', '원본보기').",
         drop=re.compile(r"[<\[(]?\s*(?:이미지|사진|그림|그래픽)(?:를|을)?\s*클릭하(?:시|)면.{0,30}?[>\])]?"
                         r"|[<\[(]?\s*(?:(?:사진|이미지)\s*)?(?:원본\s*보기|확대\s*보기|크게\s*보기|확대하기|확대|원본)\s*[>\])]?"
                         r"|[<\[(]\s*(?:사진|이미지|그래픽|영상|표)\s*[>\])]|(?:▶\s*)?(?:동영상|영상)\s*(?:재생|보기)"
                         r"(?:\s*\[?\d{1,2}:\d{2}\]?)?(?:\s*자동\s*재생\s*(?:ON|OFF|켜기|끄기))?")),
    Rule("broadcast_banner", "widget",
         "A broadcaster's live and schedule banners ('LIVE 지금 방송중 ▶ 성공투자 오후증시', 'ON AIR ▶ ... | 편성표 보기') "
         "and trending-search bars ('실시간 인기 검색어 1 금리 2 배달앱').",
         drop=re.compile(r"(?=.{0,80}$)(?!.*[다요]\.?\s*$)(?:(?=.*[▶|])(?:LIVE|ON\s*AIR|On\s*Air)\b.{0,70}"  # (not LIVE 커머스 ...)
                         r"|.{0,30}(?:지금\s*방송\s*중|생방송\s*중|편성표\s*보기).{0,40})"
                         r"|(?:실시간\s*)?(?:인기\s*)?검색어\s*(?:\d{1,2}\s+[^\s\d]\S{0,9}\s*){2,}"),
         needs=("LIVE", "AIR", "Air", "방송", "편성표", "검색어")),
    Rule("photo_credit", "caption",
         "A photo/graphic credit alone on a line ('(사진=카카오 제공)', '[그래픽=홍길동 기자]', '자료=통계청', '/카카오 제공').",
         drop=re.compile(rf"/?\s*[\[(<]?\s*{_CREDIT}\s*(?:제공)?\s*[=:]\s*"
                         r"[^\])>]{1,30}?\s*[\])>]?|[\[(<]\s*[^\[\]()<>]{1,20}?\s*제공\.?\s*(?:재판매\s*및\s*DB\s*금지)?\s*[\])>]"
                         r"|/\s*[^\s/]{1,20}(?:\s[^\s/]{1,10})?\s*제공")),
    Rule("caption_credit", "caption",
         "A photo credit closing a caption ('... 시연하고 있다. [사진: 메이븐랩스]', '신임 대표. / 사진=세온테크', "
         "'... 전경. /LG CNS'); the caption stays.",
         strip=re.compile(rf"\s*[\[(<]\s*{_CREDIT}\s*(?:제공)?\s*[=:：]\s*[^\[\]()<>]{{1,30}}?\s*[\])>]\s*$"
                          rf"|\s*/\s*{_CREDIT}\s*[=:：]\s*[^/\n]{{1,30}}$"
                          rf"|(?<=[.다])\s+{_CREDIT}\s*[=:：]\s*\S{{1,20}}(?:\s\S{{1,10}})?\s*$"
                          r"|(?<=\.)\s*/\s*[^\s/.]{1,15}(?:\s[^\s/.]{1,10})?(?:\s*제공)?\s*$"),
         needs=("사진", "이미지", "그래픽", "자료", "출처", "영상", "제공", "일러스트", "편집", "디자인", "/")),
    Rule("outlet_suffix", "portal",
         "An outlet or portal name appended to a headline ('제목 - 연합뉴스', '제목 | 한국경제', '제목 : 네이버 뉴스').",
         strip=re.compile(rf"\s+[-|:–—]\s*(?:{_OUTLET_ALT}|네이버\s*뉴스|다음\s*뉴스|Daum\s*뉴스|NAVER\s*뉴스)"
                         r"(?:\s*\([A-Za-z][A-Za-z0-9 .&'-]{1,30}\))?\s*$"),  # '- 디지털투데이 (DigitalToday)'
         meta=_outlet_tag,
         needs=("-", "|", ":", "–", "—")),
    Rule("byline_bracket", "byline",
         "A bracketed byline before the lead ('[이데일리 김현아·김아름 기자]', '[이투데이/김가람 기자 (a@b.kr)]'); "
         "names outlet and reporters.",
         strip=re.compile(rf"^[\[【]\s*(?P<inside>[^\]】=]{{0,30}}?{NAME}\s*{REPORTER_ROLE}"
                          rf"(?:\s*[·,]\s*{NAME}\s*{REPORTER_ROLE})*)(?:\s*\(?\s*{EMAIL}\s*\)?)?\s*[\]】]\s*(?:=\s*)?"),
         meta=_byline_bracket),
    Rule("byline_dateline", "byline",
         "A wire-style dateline ('(서울=연합뉴스) 김철수 기자 =', '[세종=뉴시스]', '(블로터=홍길동 기자)').",
         strip=re.compile(rf"^[\[(【]\s*(?!{_CREDIT}\s*=)(?P<dl>[^\])】=]{{1,15}}=\s*[^\])】]{{1,25}}?)\s*[\])】]\s*"
                          rf"(?:(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*=\s*)?"),
         meta=_byline_dateline),
    Rule("byline_equals", "byline",
         "A reporter credit that opens the lead ('김철수 이영희 기자 = ...').",
         strip=re.compile(rf"^(?P<names>{NAME}(?:(?:\s*[·ㆍ,]\s*|\s+){NAME}){{0,5}})\s*{REPORTER_ROLE}\s*=\s*"),
         meta=_names),
    Rule("byline_outlet_tag", "byline",
         "A bracketed outlet name before the lead ('[파이낸셜뉴스]', '[지디넷코리아]').",
         strip=re.compile(rf"^[\[【]\s*(?P<outlet>{_OUTLET_ALT})\s*[\]】]\s*"),
         meta=_outlet_tag),
    Rule("reporter_email", "byline",
         "A reporter's name with e-mail ('김현아 (x@y.co.kr)', '홍길동 기자 hong@...', a bare address).",
         drop=re.compile(rf"[\[(<]?\s*/?\s*(?:[가-힣]{{2,5}}\s*=\s*)?(?:(?P<names>{NAMES})\s*(?:{REPORTER_ROLE})?\s*)?[\[(<]?\s*{EMAIL}\s*[\])>]?"
                         rf"(?:\s*[,/·ㆍ]?\s*(?:{NAMES})?\s*(?:{REPORTER_ROLE})?\s*[\[(<]?\s*{EMAIL}\s*[\])>]?)*\s*[\])>]?"
                         rf"|[^@\n]{{0,25}}?[\[(<:]?\s*{EMAIL}\s*[\])>]?"
                         rf"|{EMAIL}\s*(?:{NAMES})\s*{REPORTER_ROLE}"),  # the address first (nanin@... 남예린 기자)
         meta=_names_and_mails,
         needs=("@",)),
    Rule("byline_date", "byline",
         "A reporter credit and the date stamp on one line ('이서진 기자 | 입력 : 2025-10-14 14:32', '홍길동 기자  공개 ...'), "
         "maybe with the e-mail between ('김민서 기자 kms@x.co.kr 2026-05-06 16:21:34').",
         drop=re.compile(rf"(?:기자명\s*)?(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*[|·,/]?\s*(?:[\[(<]?{EMAIL}[\])>]?\s*[|·,/]?\s*)?"
                         rf"(?P<stamp>{_DATE_LINE})"
                         r"(?:\s*[|·]?\s*(?:댓글|조회수|조회|공감)\s*[\d,]*)*"),
         meta=_byline_date),
    Rule("reporter_intro", "byline",
         "A reporter's own introduction under the story ('가상일보 금융팀 이가을 기자입니다. 현장의 목소리를 전합니다.').",
         drop=re.compile(rf"(?:\S{{1,12}}\s+){{0,3}}(?P<names>{NAMES})\s*기자입니다\.?.{{0,80}}"),
         meta=lambda m, meta: meta.add_reporters(split_names(m["names"])),
         needs=("기자입니다",)),
    Rule("broadcast_signoff", "byline",
         "A TV reporter's sign-off closing the script ('한국경제TV 고영민입니다.', 'SBS Biz 윤태경입니다.'); names the reporter.",
         drop=re.compile(rf"(?:{_OUTLET_ALT})\s+(?P<names>{NAME})(?:입니다|이었습니다|였습니다)\.?"),
         meta=lambda m, meta: meta.add_reporters(split_names(m["names"])),  # (not 'SBS 뉴스입니다.': NOT_NAMES)
         needs=("니다",)),
    Rule("reporter_line", "byline",
         "A reporter credit alone on a line ('홍길동 기자', '/김철수·이영희 기자', '글·사진=홍길동 기자'), maybe with the outlet "
         "or desk before it ('뉴스웨이 안태준 기자', '산업부 홍길동 기자') and a link after it ('다른기사 보기').",
         drop=re.compile(rf"(?:[/=]|(?:글|사진|글·사진|정리|취재|영상|기자명)\s*[=:]?)?\s*"
                         rf"(?:(?P<lead>[^\s\d=/:]{{2,12}}(?:\s[A-Za-z]{{2,8}})?)\s+)?(?P<names>{NAMES})\s*"
                         rf"{REPORTER_ROLE}(?:\s*[·,]\s*(?:{NAMES})\s*{REPORTER_ROLE})*"
                         r"(?:\s*\(?\s*(?:다른\s*기사\s*(?:보기|더\s*보기)|기사\s*더\s*보기|구독)\s*\)?)?"),
         meta=_reporter_line),
    Rule("copyright_notice", "copyright",
         "Copyright and redistribution notices ('무단전재 및 재배포 금지', 'Copyright ⓒ ...'); "
         "deleted to the end of the line so a caption in front of one survives. Names the outlet.",
         strip=re.compile(r"\s*[-\[<(]?\s*(?:Copyright|COPYRIGHT|ⓒ|©|\([cC]\)|(?<=[<\[])\s*저작권자|저작권자\s*(?=ⓒ|©|\([cC]\)))"
                          r"[^\n]{0,80}?"
                          r"(?:무단\s*(?:전재|복제|배포|사용)|재배포\s*(?:금지|및|를)|All\s+[Rr]ights\s+[Rr]eserved|"
                          r"AI\s*학습\s*(?:및\s*)?(?:활용|이용)?\s*금지).*$"
                          r"|^[-\[<(]?\s*(?:\S{1,20}\s*)?(?:무단\s*(?:전재|복제|배포)\s*(?:및|&|-|·|,)?\s*(?:재\s*배포|배포|복제)?"
                          r"\s*(?:금지|불가)|All\s+[Rr]ights\s+[Rr]eserved)[^가-힣]{0,40}$"
                          r"|\s*[\[(<][^\[\]()<>]{0,30}?재판매\s*및\s*DB\s*금지\s*[\])>]|\s*\*?\s*재판매\s*및\s*DB\s*금지.*$"),
         meta=_copyright,
         needs=("Copyright", "COPYRIGHT", "ⓒ", "©", "(c)", "(C)", "저작권자", "무단", "All", "재판매")),
    Rule("reporter_email_tail", "byline",
         "A reporter credit or e-mail glued to the end of a paragraph or caption ('... 밝혔다. /홍길동 기자 hong@...').",
         strip=re.compile(rf"\s*/?\s*(?:(?P<names>{NAMES})\s*{REPORTER_ROLE}\s*)?[\[(<]?\s*{EMAIL}\s*[\])>]?\s*$"
                          rf"|\s+/\s*(?P<names2>{NAMES})\s*{REPORTER_ROLE}\s*$"
                          rf"|(?<=[다요]\.)\s+(?P<names3>{NAMES})\s*기자\s*$"),  # '... 마쳤다. 김민서 기자'
         meta=_names,
         needs=("@", "/", "기자")),  # an e-mail address, the slash before a name, or the role
    Rule("copyright_mark_line", "copyright",
         "A copyright mark with only an owner after it ('ⓒ 이데일리', 'Copyright © 블로터', '<저작권자 © X>'), "
         "or with the outlet's slogan before its name ('ⓒ 세상을 보는 눈, 글로벌 미디어 세계일보').",
         drop=re.compile(rf"(?:ⓒ|©)\s*[^\n]{{0,40}}(?:{_OUTLET_ALT})\s*\.?|"
                         r"[-\[<(]?\s*(?:Copyright|COPYRIGHT|저작권자)?\s*(?:ⓒ|©|\([cC]\))\s*(?:\d{4}\s*)?"
                         r"[^\s]{1,20}(?:\s*(?:&|\.)\s*\S{1,25})?\s*[.\]>)\-]?\s*"
                         r"|[-\[<(]?\s*(?:Copyright|COPYRIGHT)\s+(?:\d{4}\s*)?[^\s]{1,20}\s*[.\]>)\-]?")),
    Rule("print_edition", "dateline",
         "Where the story ran in the paper ('지면 : 2025-04-23 7면', '[지면 A12면]', '2025년 4월 23일자 3면 게재'); "
         "the print date is not the publication date, so no date is read.",
         drop=re.compile(r"[\[(<]?\s*(?:(?:게재\s*)?지면(?:\s*정보)?\s*[:：]?\s*)?"
                         r"(?:\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?\s*(?:자)?\s*)?"
                         r"(?:[A-Z]?\d{1,2}\s*면|\d{1,2}\s*판)(?:\s*(?:게재|기사))?\s*[\])>]?"
                         r"|(?:게재\s*)?지면\s*(?:보기|정보|PDF)")),
    Rule("date_stamp", "dateline",
         "Date lines ('입력 2024.03.28. 오전 10:12 수정 ...', '2024-03-28 10:12', a portal's '03.28 (목)'); "
         "gives the date when it has a year.",
         drop=re.compile(_DATE_LINE), meta=_dateline),
    Rule("end_mark", "copyright",
         "The wire services' end-of-article mark on its own line ('(끝)', '<END>').",
         drop=re.compile(r"[(\[<]?\s*(?:끝|END|End|end)\s*[)\]>]?")),
    Rule("tag_list", "navigation",
         "Keyword tag rows ('#AI #반도체 #테크기업', '태그 AI 반도체').",
         drop=re.compile(r"(?:(?:관련\s*)?(?:태그|키워드|TAG|Tags?|이슈|핫이슈|HOT|트렌드)\s*[:：]?\s*)?(?:#\S{1,20}\s*){2,}|(?:관련\s*)?(?:태그|키워드)\s*[:：]?")),
    Rule("related_header", "related",
         "Headers of related / popular headline lists ('▶ 관련기사', '많이 본 뉴스', '이 시각 인기 뉴스'), "
         "with an inline headline after a colon.",
         drop=re.compile(r"[\[<【]?\s*[▶▷►☞■□◆◇○●#]*\s*(?:\S{1,12}\s*)?(?:관련\s*(?:기사|뉴스)|함께\s*(?:보면\s*좋은|읽으면\s*좋은|볼만한|읽을만한|본)\s*(?:기사|뉴스)?|(?:AI\s*)?추천\s*(?:뉴스|기사|콘텐츠)|관심\s*기사|최신\s*(?:기사|뉴스)|에디터\s*(?:픽|PICK)|당신이\s*좋아할\s*만한\s*(?:기사|뉴스|콘텐츠)|이\s*(?:뉴스|기사)\s*어떠세요\??|이런\s*(?:기사|뉴스)\s*(?:어때요|어떠세요)\??|헤드라인\s*(?:뉴스)?|"
                         r"추천\s*(?:기사|뉴스)|(?:가장\s*)?많이\s*(?:본|읽은)\s*(?:기사|뉴스)?|인기\s*(?:기사|뉴스)|"
                         r"이\s*시각\s*(?:인기|주요|많이\s*본)?\s*(?:기사|뉴스)?|오늘의\s*(?:주요|핫|인기)\s*(?:기사|뉴스)?|"
                         r"실시간\s*(?:인기|주요|랭킹)\s*(?:기사|뉴스)?|주요\s*(?:기사|뉴스)|핫\s*(?:이슈|뉴스|클릭)|"
                         r"베스트\s*(?:클릭|기사|뉴스)|포토\s*(?:뉴스|슬라이드)|에디터\s*추천|랭킹\s*뉴스|이슈\s*(?:NOW|나우))"
                         r"\s*[\]>】]?\s*(?:[:：]\s*.{0,80})?")),
    Rule("headline_list", "related",
         "Headline lists: '- headline' runs after the copyright/e-mail tail, and the lines under a list header.",
         block=blocks.headline_list),
    Rule("ticker_row", "market",
         "A stock index, share or crypto quote ('코스피 2,500.12 ▲ 10.3 (+0.41%)', '비트코인 9,000만원 ▼ 1.2%').",
         drop=re.compile(rf"(?:\[[^\]]{{1,10}}\]\s*|(?:주요\s*)?(?:증시|시황|지수|마켓)\s+)?"  # [DT 마켓] / 주요 증시: the widget's label
                         rf"{_QUOTE}(?:\s*[|·/]\s*{_QUOTE})*"),  # several quotes on one row: 코스피 ... | 코스닥 ...
         needs=("▲", "▼", "△", "▽", "↑", "↓", "+", "-", "−")),
    Rule("market_bar", "market",
         "A labelled bar of market counts or links ('[마켓] 회사채 수요예측 오늘 3건 | 공모주 청약 2건 | ...', "
         "'실시간 | [인포그래픽] ... | [어닝 17] ...').",
         drop=re.compile(r"\[[^\]\n]{1,10}\]\s*[^|\n]{1,40}(?:\s\|\s[^|\n]{1,40}){2,}"
                         r"|(?:실시간(?:\s*인기)?|HOT|핫이슈|이슈|화제|트렌드|속보)\s*\|\s*[^|\n]{1,40}(?:\s\|\s[^|\n]{1,40})+"),
         needs=(" | ",)),
    Rule("quote_table_header", "market",
         "Column headers of a quote table ('종목명 현재가 등락률', '코인 시세 변동률').",
         drop=re.compile(_words("종목", "종목명", "코인", "코인명", "현재가", "가격", "등락", "등락률", "등락폭", "변동률",
                                "변동", "전일\\s*대비", "거래량", "거래대금", "시가총액", "시세", "24시간",
                                "관련\\s*종목", "종목\\s*시세", "코인\\s*시세", "증시\\s*현황", "시장\\s*지표"))),
    Rule("quote_block", "market",
         "A quote widget split over lines: numeric-only lines (price, change, percent) and the label above them.",
         block=blocks.quote_block),
    Rule("app_promo", "promo",
         "App, channel and newsletter promotions ('▶ 네이버에서 OO 구독하기', '앱 다운로드', '친구 추가하세요').",
         drop=re.compile(r"[\[<【]?\s*[▶▷►☞■#※]*\s*.{0,60}?(?:구독\s*(?:하기|하세요|해\s*주세요|해\s*보세요|신청)|친구\s*추가|"
                         r"앱\s*(?:다운(?:로드)?|설치)|다운로드\s*(?:받기|하기|하세요)|채널\s*추가|알림\s*(?:받기|설정)|"
                         r"받아\s*보세요|만나\s*보세요|놓치지\s*마세요|바로\s*가기|보러\s*가기|지금\s*(?:확인|참여|다운)|"
                         r"뉴스레터\s*(?:신청|구독)|(?:클릭|터치)\s*하세요|(?:확인|구독|참여)\s*해\s*보세요)\s*[!.]?\s*[\]>】]?\s*(?:[:：>▶].{0,40})?"
                         r"|.{0,10}(?:트위터|페이스북|인스타그램|유튜브|X)\s*@\w.{0,60}"
                         r"|(?:[^\[\]\n]{0,24}\[[^\[\]\n]{1,15}[▶▷►]\]\s*[,|·]?\s*)+"),
         needs=("구독", "친구", "앱", "다운로드", "채널", "알림", "받아", "만나", "놓치지", "바로", "지금", "뉴스레터",
                "하세요", "보세요", "@", "▶]", "▷]", "►]", "보러")),
    Rule("editorial_note", "note",
         "Notes about the article itself ('※ 이 기사는 ...', '본 기사는 ~에 먼저 게재된 기사입니다', '[광고]').",
         drop=re.compile(r"[※*]?\s*[\[(<]?\s*(?:이|본)\s*기사(?:는|의).{0,150}|제보는\s*(?:카카오톡|카톡|이메일|전화).{0,30}|※.{0,40}?"
                         r"(?:기사|제보|투자\s*(?:권유|판단)|책임|저작권|편집자|광고).{0,150}|\[?광고\]?|AD|"
                         r"(?:[▶☞\[]\s*)?(?:기사\s*)?제보\s*(?:하기|[:：]).{0,60}|[▶☞]\s*(?:기사\s*)?제보.{0,60}|.{0,40}제보를\s*기다립니다.{0,10}|.{0,10}제보\s*(?:메일|이메일|전화|카톡|카카오톡)\s*[:：].{0,60}")),
    Rule("lone_outlet", "caption",
         "A line that is only an outlet or photo-agency name, left behind by an image credit.",
         block=blocks.lone_outlet),
    Rule("pre_title_menu", "navigation",
         "Single short words stacked above the title ('NAVER', '프리미엄', '연재'); no headline is one short word.",
         block=blocks.pre_title_menu),
    Rule("masthead", "navigation",
         "The outlet's masthead above the title: its name with a slogan, section or date ('데일리안 - 이슈 그 한 발 앞에', "
         "'오늘의 문화일보 | 2026년 05월 15일') or with its Latin name ('뉴스웨이 NEWSWAY').",
         block=blocks.masthead),
    Rule("flash_ticker", "related",
         "Two or more breaking-news headlines in a row above the article ('[속보] 한은, 기준금리 동결', '[속보] 5월 수출 ...').",
         block=blocks.flash_ticker),
    Rule("summary_bullets", "portal",
         "A summary header ('AI 요약 ⓘ', '기사내용 요약') and the bulleted lines right under it ('· 실적 사상 최고').",
         block=blocks.summary_bullets),
    Rule("summary_block", "portal",
         "The auto-summary next to a summary disclaimer, when each of its sentences repeats the body.",
         block=blocks.summary_block),
    Rule("duplicate_paragraph", "duplicate",
         "A paragraph identical to an earlier one (repeated leads, captions, sub-headlines); the first stays.",
         block=blocks.duplicate_paragraph),
]


def by_name(name: str) -> Rule:
    for r in RULES:
        if r.name == name:
            return r
    raise KeyError(name)
