"""Word lists the morphology rules use: titles, organisation and event suffixes, surnames.

They describe Korean news language in general, not any one article.
"""

from __future__ import annotations

# Titles written after a person's name (이해진 의장, 김 교수). Longest first when matching a chunk's end.
PERSON_TITLES = (
    "대표이사", "공동대표", "대표", "이사회 의장", "의장", "부사장", "사장", "부회장", "명예회장", "회장", "센터장", "부문장",
    "본부장", "실장", "팀장", "원장", "부원장", "총장", "위원장", "부위원장", "청장", "차관", "장관", "이사장", "이사",
    "전무", "상무", "교수", "부교수", "조교수", "연구원", "책임연구원", "선임연구원", "수석연구원", "연구위원",
    "기자", "특파원", "애널리스트", "대통령", "부통령", "총리", "의원", "박사", "변호사", "창업자", "창업주", "창립자",
    "설립자", "공동창업자", "CEO", "CTO", "CFO", "COO", "CSO", "CIO", "CPO", "CMO", "최고경영자", "최고기술책임자",
    "최고재무책임자", "최고운영책임자", "최고전략책임자", "고문", "국장", "부장", "차장", "과장", "매니저", "총괄",
    "소장", "단장", "처장", "지사장", "법인장", "대변인", "행장", "은행장", "회계사", "연구소장", "그룹장", "리더",
    "씨", "사무총장", "의원장", "시장", "지사", "군수", "구청장", "위원", "감독", "선임", "수석", "창업가",
    "파트너", "대표파트너", "심사역", "수석심사역", "상무보", "이사대우", "총재", "부총재", "변리사", "세무사", "노무사",
    "이코노미스트", "펠로", "펠로우", "CISO", "CAIO", "CDO", "CHRO", "CCO", "CBO", "부행장", "부대표",
    "정책관", "심의관", "비서관", "사무관", "서기관", "주무관", "대사",  # government posts (디지털금융정책관)
)
TITLE_SET = frozenset(PERSON_TITLES)

# A chunk ending in one of these, with a name (NNP or Latin) before it, is an organisation.
ORG_SUFFIXES = (
    "전자", "통신", "텔레콤", "증권", "은행", "뱅크", "병원", "의료원", "그룹", "홀딩스", "지주", "랩스", "랩", "벤처스", "브레인",
    "연구원", "연구소", "대학교", "대학", "대", "위원회", "학회", "협회", "재단", "진흥원", "공사", "공단", "중공업",
    "건설", "생명", "화재", "카드", "캐피탈", "바이오", "제약", "화학", "케미칼", "에너지", "디스플레이", "자동차",
    "모빌리티", "엔터프라이즈", "엔터테인먼트", "게임즈", "클라우드", "헬스케어", "로보틱스", "인베스트먼트",
    "파트너스", "네트웍스", "테크", "테크놀로지", "테크놀로지스", "미디어", "커머스", "솔루션즈", "솔루션", "시스템즈", "소프트", "반도체",
    "물산", "상사", "증권사", "청", "부", "처", "원", "일보", "신문", "방송", "통신사", "투자증권", "자산운용",
    "벤처캐피탈", "인베스트", "이노베이션", "유플러스", "스튜디오", "페이", "게임스", "AI", "코리아", "재팬",
    "펀드", "비전펀드", "캐피털", "벤처투자", "차이나", "아메리카", "인터내셔널", "거래소",
    "머티리얼즈", "머티리얼스", "머트리얼즈", "소재", "정밀", "전장", "케미칼", "다이나믹스", "정보원",
    "엔지니어링", "인더스트리", "인더스트리즈", "로지스틱스", "일렉트릭", "일렉트로닉스", "시큐리티", "세미콘", "세미텍",
    "에너빌리티", "바이오로직스", "바이오사이언스", "메디컬", "해운", "항공", "제철", "식품", "푸드",
)
# Institution suffixes that make a name even from common nouns (국제컴퓨터비전학회, 정보통신정책연구원).
INSTITUTION_SUFFIXES = ("위원회", "학회", "협회", "진흥원", "연구원", "연구소", "대학교", "재단", "공사", "공단", "정보원",
                        "연합회", "협의회", "거래소", "조합", "연맹", "기구", "법원", "박물관", "상공회의소", "회의소")
# Company endings that ordinary words do not have: one unknown word ending so is a company name.
NAME_ONLY_SUFFIXES = frozenset({"파트너스", "벤처스", "인베스트먼트", "캐피탈", "캐피털", "홀딩스", "랩스", "게임즈", "게임스",
                                "네트웍스", "로보틱스", "인터내셔널", "테크놀로지스", "시스템즈", "솔루션즈", "벤처투자",
                                "자산운용", "투자증권", "머티리얼즈", "머티리얼스", "머트리얼즈", "다이나믹스",
                                "엔지니어링", "인더스트리", "인더스트리즈", "로지스틱스", "일렉트로닉스", "시큐리티",
                                "에너빌리티", "바이오로직스", "바이오사이언스", "세미콘", "세미텍"})
# Provinces as news writes them before a city (경기 성남시, 충남 천안시); alone they are also common words.
PROVINCES = frozenset({"경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "세종"})
# Suffixes too common in ordinary words to trust without a proper-noun stem.
WEAK_SUFFIXES = frozenset({"청", "부", "처", "원", "대", "랩", "페이", "AI", "코리아", "재팬", "방송", "신문",
                           "항공", "식품", "푸드", "해운", "제철"})
EVENT_SUFFIXES = ("포럼", "컨퍼런스", "콘퍼런스", "박람회", "엑스포", "전시회", "어워드", "어워즈", "챌린지", "서밋",
                  "해커톤", "페스티벌", "페스타", "올림픽", "월드컵", "대회", "데이", "위크", "쇼")
# Common nouns that precede a name and say what kind of thing it is.
ORG_CLASS_NOUNS = frozenset({"기업", "스타트업", "업체", "회사", "자회사", "계열사", "투자사", "운용사", "증권사",
                             "은행", "법인", "투자법인", "플랫폼기업", "빅테크", "대학", "기관", "단체", "연구소",
                             "협회", "벤처", "벤처캐피털", "벤처캐피탈", "사모펀드", "제조사", "통신사", "게임사"})
PRODUCT_CLASS_NOUNS = frozenset({"플랫폼", "서비스", "모델", "앱", "애플리케이션", "브랜드", "스피커", "챗봇",
                                 "스마트폰", "제품", "솔루션", "시리즈", "엔진", "소프트웨어", "게임", "폰",
                                 "AI플랫폼", "AI모델", "언어모델", "반도체", "칩", "단말", "기기", "노트북",
                                 "AI스피커", "AI비서", "비서", "메신저", "포털", "에이전트", "AI에이전트",
                                 "GPU", "CPU", "NPU", "AI칩", "가속기", "프로세서", "운영체제", "OS",
                                 "웨어러블", "태블릿", "이어폰", "워치", "로봇", "차량", "전기차", "신약"})
# Latin words that are vocabulary, not names.
LATIN_STOP = frozenset("""AI IT ICT IoT CEO CTO CFO COO CSO CIO CPO CMO R&D TV PC 5G 6G 4G LTE API SW HW GPU CPU NPU
DX AX ESG IPO M&A VC B2B B2C SaaS OS UI UX XR VR AR MR LLM sLLM SLM AGI ML DB IR PR K Q A B C D E
IDC HBM DRAM NAND SSD PDF URL QR GDP OTT SNS MOU CES KOSPI KOSDAQ ETF USB Wi-Fi WiFi OLED LCD LED EV
GB TB MB kW MW GW km kg CCTV NFT DNA RNA CO2 BM PoC MVP ROI KPI CX CS FAQ HR GPS
EUV PER PBR EPS AP SoC ASIC FPGA RPA SDK IDE SEO UCC DM PD PM KOREA NEWS Copyright
ADC mRNA CAR-T PPA PF CPS RCPS AUM EMR PaaS IaaS ESS BMS ADAS SDV UAM MaaS CDMO CRO NDA BLA""".split())
# Korean surnames: a person name chunk starts with one (two-syllable ones first).
SURNAMES = frozenset("""김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심
노 하 곽 성 차 주 우 구 민 진 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 라 왕
금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 황보 남궁 제갈 선우 독고 사공 서문""".split())
# A person is named with these in front only when a title follows (so not 씨).
# Languages are not organisations (Kiwi tags 일본어 a proper noun; the default rule would make it an ORG).
LANGUAGES = frozenset({"한국어", "영어", "일본어", "중국어", "독일어", "프랑스어", "스페인어", "아랍어", "러시아어",
                       "베트남어", "인도네시아어", "태국어", "힌디어", "포르투갈어", "이탈리아어", "네덜란드어", "튀르키예어",
                       "터키어", "말레이어", "몽골어", "우크라이나어", "폴란드어", "히브리어", "페르시아어", "광둥어", "표준어"})
GENERIC_NOUNS = LANGUAGES | frozenset({"정부", "업계", "관계자", "당국", "회사", "기업", "국내", "해외", "글로벌", "현지", "국내외",
                           "정부부처", "빅테크", "통신3사", "3사", "양사", "자사", "업체", "한편", "이날", "당시",
                           "전체", "측", "등", "관련", "시장", "공식", "최고", "최대", "최초"})
