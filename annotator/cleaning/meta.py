"""Metadata the boilerplate carries: outlet, reporters and date, gathered while rules drop it.

A rule that recognises a byline, e-mail, copyright or date line reports what it saw to a
`MetaFinder`; the strongest evidence wins (a byline names the outlet more surely than a
copyright line, and a JSONL crawler's own fields beat both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as _date

from annotator.models import Meta

# Korean news outlets as their pages name themselves; used to read copyright and credit lines
# and to recognise a lone outlet name left over from an image credit.
OUTLETS = (
    "연합뉴스", "연합인포맥스", "뉴시스", "뉴스1", "이데일리", "전자신문", "조선비즈", "조선일보", "중앙일보",
    "동아일보", "한겨레", "경향신문", "한국일보", "서울신문", "국민일보", "세계일보", "문화일보",
    "한국경제", "한경닷컴", "매일경제", "머니투데이", "머니S", "서울경제", "헤럴드경제", "아시아경제",
    "파이낸셜뉴스", "이투데이", "뉴스핌", "데일리안", "아주경제", "디지털타임스", "디지털데일리",
    "지디넷코리아", "ZDNet Korea", "블로터", "바이라인네트워크", "아이뉴스24", "테크M", "IT조선",
    "더벨", "비즈니스워치", "딜사이트", "인베스트조선", "한국경제TV", "SBS Biz", "SBS", "KBS", "MBC",
    "JTBC", "YTN", "MBN", "채널A", "TV조선", "연합뉴스TV", "노컷뉴스", "오마이뉴스", "프레시안",
    "미디어오늘", "매일일보", "뉴데일리경제", "뉴데일리", "에너지경제신문", "에너지경제", "비즈워치", "이코노미스트",
    "포춘코리아", "더구루", "비즈니스포스트", "뉴스웨이", "데일리한국", "위키트리", "쿠키뉴스", "디지털투데이", "시사저널e",
    "시사저널", "뉴스토마토", "더팩트", "글로벌이코노믹", "디일렉", "플래텀", "벤처스퀘어", "테크42", "이뉴스투데이",
    "파이낸셜투데이", "일요신문", "시사위크", "비즈니스코리아", "한국금융신문", "대한경제", "녹색경제신문", "CEO스코어데일리",
    "한스경제", "한경비즈니스", "매경이코노미", "이코노믹리뷰", "브릿지경제", "아시아타임즈", "서울파이낸스", "인더뉴스",
    "MTN", "머니투데이방송", "보안뉴스", "데이터넷", "컴퓨터월드", "전기신문", "부산일보", "국제신문", "매일신문", "경기일보",
)
# Latin names outlets also print (masthead, copyright): the outlet is given by its Korean name.
OUTLET_KOREAN = {
    "Yonhap News Agency": "연합뉴스", "Yonhap News": "연합뉴스", "Yonhap": "연합뉴스", "ZDNet Korea": "지디넷코리아",
    "NEWSIS": "뉴시스", "Newsis": "뉴시스", "News1": "뉴스1", "NEWS1": "뉴스1", "eDaily": "이데일리", "Edaily": "이데일리",
    "etnews": "전자신문", "Electronic Times": "전자신문", "The Korea Economic Daily": "한국경제",
    "Hankyung": "한국경제", "Maeil Business Newspaper": "매일경제", "Money Today": "머니투데이",
    "Seoul Economic Daily": "서울경제", "Herald Business": "헤럴드경제", "Herald Corporation": "헤럴드경제",
    "Asia Economy": "아시아경제", "The Financial News": "파이낸셜뉴스", "Financial News": "파이낸셜뉴스",
    "Bloter": "블로터", "BLOTER": "블로터", "thebell": "더벨", "The Bell": "더벨", "Digital Daily": "디지털데일리",
    "ChosunBiz": "조선비즈", "Chosun Biz": "조선비즈", "inews24": "아이뉴스24", "Digital Times": "디지털타임스",
    "The Hankyoreh": "한겨레", "Hankyoreh": "한겨레", "TechM": "테크M", "Newspim": "뉴스핌", "NEWSPIM": "뉴스핌",
    "Aju Business Daily": "아주경제", "AJU BUSINESS DAILY": "아주경제", "AJU Business Daily": "아주경제",
    "The JoongAng": "중앙일보", "JoongAng Ilbo": "중앙일보", "The Chosun Ilbo": "조선일보", "Chosun Ilbo": "조선일보",
    "The Dong-A Ilbo": "동아일보", "Dong-A Ilbo": "동아일보", "dongA.com": "동아일보", "etoday": "이투데이",
    "The Kyunghyang Shinmun": "경향신문", "Kyunghyang Shinmun": "경향신문", "The Korea Times": "한국일보",
    "Hankookilbo": "한국일보", "Hankook Ilbo": "한국일보", "KMIB": "국민일보", "Kukmin Ilbo": "국민일보",
    "SEGYE.com": "세계일보", "Segye.com": "세계일보", "Segye": "세계일보", "Segye Ilbo": "세계일보",
    "NewDaily Biz": "뉴데일리경제", "NewDaily": "뉴데일리", "THE GURU": "더구루", "The Guru": "더구루",
    "Businesspost": "비즈니스포스트", "BUSINESSPOST": "비즈니스포스트", "Business Post": "비즈니스포스트", "Newsway": "뉴스웨이",
    "SEOUL SHINMUN": "서울신문", "Seoul Shinmun": "서울신문", "Byline Network": "바이라인네트워크", "MoneyS": "머니S",
    "DealSite": "딜사이트", "Dealsite": "딜사이트", "DigitalTimes": "디지털타임스", "Platum": "플래텀", "THE ELEC": "디일렉",
    "TheElec": "디일렉", "The Elec": "디일렉", "Yonhap Infomax": "연합인포맥스", "DigitalToday": "디지털투데이",
    "Business Watch": "비즈워치", "THE FACT": "더팩트", "The Fact": "더팩트", "Global Economic": "글로벌이코노믹",
}
# Image agencies whose name alone on a line is a photo credit, never article text.
PHOTO_AGENCIES = ("게티이미지뱅크", "게티이미지코리아", "게티이미지", "Getty Images", "gettyimages", "셔터스톡",
                  "Shutterstock", "AP", "AFP", "로이터", "EPA", "UPI", "신화", "교도", "픽사베이", "클립아트코리아")

# Place names that open a dateline "(서울=연합뉴스)"; the other side of "=" is the outlet.
PLACES = re.compile(r"^(서울|부산|대구|인천|광주|대전|울산|세종|수원|성남|판교|제주|춘천|청주|전주|창원|"
                     r"[가-힣]{1,4}(시|도|군)|뉴욕|워싱턴|실리콘밸리|샌프란시스코|도쿄|베이징|상하이|홍콩|"
                     r"런던|파리|베를린|브뤼셀|싱가포르|하노이|라스베이거스|바르셀로나|자카르타|델리|두바이)$")

NAME = r"[가-힣]{2,4}"
REPORTER_ROLE = r"(?:선임|수석|객원|인턴|전문|편집위원\s*겸\s*)?(?:기자|특파원|통신원|기자단)"

_DATE = re.compile(r"(?<!\d)(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})(?!\d)")
_PUBLISHED = re.compile(r"입력|기사입력|등록|송고|발행|게재|작성|승인|기사전송|공개|Published|Posted")


def iso_date(text: str) -> str | None:
    """The first full date (with a year) in `text` as YYYY-MM-DD, else None."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


# Words that stand where a reporter's name would ("문의 help@...", "편집국 desk@...").
NOT_NAMES = {"문의", "제보", "이메일", "메일", "뉴스룸", "편집국", "편집부", "독자", "기사", "사진", "취재",
             "정리", "디자인", "그래픽", "디자인팀", "영상", "온라인", "디지털", "뉴스팀", "취재팀", "기자단",
             "기사제보", "보도자료", "구독문의", "광고문의", "독자제보", "제보하기", "뉴스", "단독", "속보"}


def split_names(text: str) -> list[str]:
    """'김현아·김아름', '김철수 이영희', '홍길동, 김영희' -> names only (titles dropped)."""
    text = re.sub(REPORTER_ROLE, " ", text)
    return [n for n in re.split(r"[\s·ㆍ,/&]+", text) if re.fullmatch(NAME, n) and n not in NOT_NAMES]


def outlet_in(text: str) -> str | None:
    """The longest known outlet named in `text` (so 연합뉴스TV beats 연합뉴스)."""
    found = [o for o in (*OUTLETS, *OUTLET_KOREAN) if o in text]
    return max(found, key=len) if found else None


@dataclass
class MetaFinder:
    """Candidates per field with a strength; the strongest, then earliest, wins."""

    fields: dict
    _best: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    reporters: list[str] = field(default_factory=list)
    _seen: int = 0

    def offer(self, key: str, value: str | None, strength: int) -> None:
        if not value:
            return
        if key == "outlet":
            value = OUTLET_KOREAN.get(value.strip(), value)
        self._seen += 1
        cur = self._best.get(key)
        if cur is None or strength > cur[0]:
            self._best[key] = (strength, self._seen, value.strip())

    def get(self, key: str) -> str | None:
        return self._best[key][2] if key in self._best else None

    def add_reporters(self, names: list[str]) -> None:
        for n in names:
            if n not in self.reporters:
                self.reporters.append(n)

    def offer_dateline(self, line: str) -> None:
        """A date-stamp line: 입력/등록 dates are the publication date, 수정 dates only a fallback."""
        for part in re.split(r"(?=수정|최종\s*수정|업데이트)", line):
            d = iso_date(part)
            if d:
                self.offer("date", d, 2 if _PUBLISHED.search(part) else 1)

    def meta(self, title: str | None) -> Meta:
        f = self.fields
        return Meta(
            title=f.get("title") or title,
            date=(iso_date(f["date"]) if f.get("date") else None) or self.get("date"),
            outlet=f.get("outlet") or self.get("outlet"),
            reporters=self.reporters,
            url=f.get("url"),
        )


def outlet_of_dateline(inside: str) -> tuple[str | None, list[str]]:
    """'서울=연합뉴스' -> (연합뉴스, []); '지디넷코리아=홍길동 기자' -> (지디넷코리아, [홍길동])."""
    left, _, right = inside.partition("=")
    left, right = left.strip(), right.strip()
    if re.search(REPORTER_ROLE + r"$", right):
        return (left or None), split_names(right)
    if PLACES.match(left) or outlet_in(right) == right:
        return (right or None), []
    return (left or None), split_names(right)
