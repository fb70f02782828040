package engine_test

import (
	"math/rand"
	"reflect"
	"strings"
	"sync"
	"testing"

	"factcard/data"
	"factcard/wasm/engine"
)

// compiled caches each dataset folder's compiled form: the tests share it.
var compiled sync.Map // dir -> func() (*engine.Dataset, error)

// compiledDataset loads and compiles the dataset in dir once per test run.
func compiledDataset(t testing.TB, dir string) *engine.Dataset {
	t.Helper()
	load, _ := compiled.LoadOrStore(dir, sync.OnceValues(func() (*engine.Dataset, error) {
		d, err := data.Load(dir)
		if err != nil {
			return nil, err
		}
		return data.Compile(d), nil
	}))
	d, err := load.(func() (*engine.Dataset, error))()
	if err != nil {
		t.Fatalf("loading %s: %v", dir, err)
	}
	return d
}

// realDataset compiles the project's dataset: the matcher is tested on the
// names it will really look for.
func realDataset(t testing.TB) *engine.Dataset { return compiledDataset(t, "../../data") }

type found struct{ ID, Text string }

func findAll(d *engine.Dataset, s string) []found {
	var out []found
	for _, m := range d.Find(s) {
		out = append(out, found{d.Entities[m.Entity].ID, engine.Slice16(s, m.Start, m.End)})
	}
	return out
}

func TestFindMentions(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"plain", "Xiaomi sued.", []found{{"xiaomi", "Xiaomi"}}},
		{"possessive straight", "Xiaomi's lawyers", []found{{"xiaomi", "Xiaomi"}}},
		{"possessive curly", "Huawei’s phones", []found{{"huawei", "Huawei"}}},
		{"capitals", "XIAOMI SHARES FELL", []found{{"xiaomi", "XIAOMI"}}},
		{"soft hyphen inside", "Xiao\u00admi", []found{{"xiaomi", "Xiao\u00admi"}}},
		{"zero-width inside", "Xiao\u200bmi", []found{{"xiaomi", "Xiao\u200bmi"}}},
		{"no-break space", "China\u00a0Mobile said", []found{{"china-mobile", "China\u00a0Mobile"}}},
		{"line break inside", "China\n  Mobile said", []found{{"china-mobile", "China\n  Mobile"}}},
		{"full-width", "ＸＩＡＯＭＩ", []found{{"xiaomi", "ＸＩＡＯＭＩ"}}},
		{"leftmost-longest", "China Mobile Communications Group said", []found{{"china-mobile", "China Mobile Communications Group"}}},
		{"acronym", "drones from DJI, the maker", []found{{"dji", "DJI"}}},
		{"acronym at sentence end", "It buys from DJI.", []found{{"dji", "DJI"}}},
		{"eo spelled out", "Executive Order 13959 bars", []found{{"eo-13959", "Executive Order 13959"}}},
		{"eo abbreviated", "under E.O. 13959,", []found{{"eo-13959", "E.O. 13959"}}},
		{"eo no.", "Executive Order No. 14032", []found{{"eo-14032", "Executive Order No. 14032"}}},
		{"eo joined", "EO13959 and EO 14032", []found{{"eo-13959", "EO13959"}, {"eo-14032", "EO 14032"}}},
		{"entity list", "added to the Entity List in 2019", []found{{"entity-list", "Entity List"}}},
		{"entities list", "on the Entities List", []found{{"entity-list", "Entities List"}}},
		{"chinese name", "小米集团发布", []found{{"xiaomi", "小米集团"}}},
		{"chinese with context", "雷军说小米将上诉", []found{{"xiaomi", "小米"}}},
	}
	checkFinds(t, d, tests)
}

// TestFindRealWorldForms: the forms of issue 14 that real text writes.
func TestFindRealWorldForms(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"legal form after a brand", "Xiaomi Corp. said", []found{{"xiaomi", "Xiaomi Corp."}}},
		{"another legal form", "Hikvision Co., Ltd. denied it", []found{{"hikvision", "Hikvision Co., Ltd."}}},
		{"a form ends before the sentence's full stop", "The rule named Hikvision Co., Limited.", []found{{"hikvision", "Hikvision Co., Limited"}}},
		{"a stray full stop inside the form", "Hikvision Corporation., Ltd. denied it", []found{{"hikvision", "Hikvision Corporation., Ltd."}}},
		{"lower-case company is not a legal form", "the Xiaomi company said", []found{{"xiaomi", "Xiaomi"}}},
		{"co-founder is not a legal form", "Xiaomi co-founder Lei Jun", []found{{"xiaomi", "Xiaomi"}}},
		{"place dropped", "Hikvision Digital Technology Co. makes cameras", []found{{"hikvision", "Hikvision Digital Technology Co."}}},
		{"of China moved", "China Aviation Industry Corporation", []found{{"avic", "China Aviation Industry Corporation"}}},
		{"China as Chinese", "Chinese National Offshore Oil Corporation", []found{{"cnooc", "Chinese National Offshore Oil Corporation"}}},
		{"a word in parentheses unbracketed", "China Telecom Americas argued its case", []found{{"china-telecom", "China Telecom Americas"}}},
		{"of China moved to the end", "Aerospace Science and Technology Corporation of China, the prime contractor", []found{{"casc", "Aerospace Science and Technology Corporation of China"}}},
		{"and for &", "Huawei Investment and Holding Co., Ltd.", []found{{"huawei", "Huawei Investment and Holding Co., Ltd."}}},
		{"camel-case brand split, with its descriptive word", "Cloud Walk Technology", []found{{"cloudwalk", "Cloud Walk Technology"}}},
		{"orders in a series", "Executive Orders 13959 and 14032", []found{{"eo-13959", "Executive Orders 13959"}, {"eo-14032", "14032"}}},
		{"defined term between", `Executive Order (the "Order") 13959`, []found{{"eo-13959", `Executive Order (the "Order") 13959`}}},
		{"as amended by", "E.O. 13959, as amended by E.O. 14032", []found{{"eo-13959", "E.O. 13959"}, {"eo-14032", "E.O. 14032"}}},
		{"Chinese order number", "第13959号行政命令", []found{{"eo-13959", "第13959号行政命令"}}},
		{"order in legal citation", "Exec. Order No. 13,959, 85 Fed. Reg. 73,185", []found{{"eo-13959", "Exec. Order No. 13,959"}, {"eo-13959", "85 Fed. Reg. 73,185"}}},
		{"Persian digits", "فرمان اجرایی ۱۳۹۵۹", []found{{"eo-13959", "فرمان اجرایی ۱۳۹۵۹"}}},
		// Blind-labelled excerpts in 15 languages (December 2026): the
		// phrase that names a list is the mention; a court's abbreviations;
		// the full stop of an abbreviated form; a possessive after a form;
		// the words of a Chinese legal name.
		{"list word after the acronym", "auf die 1260H-Liste gesetzt", []found{{"1260h", "1260H-Liste"}}},
		{"a black list, in quotes", "der Schwarzen Liste „1260H“ des Ministeriums", []found{{"1260h", "Schwarzen Liste „1260H“"}}},
		{"a word for list before the law's section names the list", "Xiaomi entra en la lista de la Sección 1260H del Pentágono.", []found{{"xiaomi", "Xiaomi"}, {"1260h", "lista de la Sección 1260H"}}},
		{"US- compounded into a list's name", "Huawei steht auf der US-Entity-List.", []found{{"huawei", "Huawei"}, {"entity-list", "US-Entity-List"}}},
		{"an order named as the White House titles it", "It follows a new Executive Order on Securing the Information and Communications Technology and Services Supply Chain.", []found{{"eo-13873", "Executive Order on Securing the Information and Communications Technology and Services Supply Chain"}}},
		{"a gloss in parentheses before the word for list", "美国国防部发布了“中国军事企业”( “Chinese military companies” )名单。", []found{{"1260h", "“中国军事企业”( “Chinese military companies” )名单"}}},
		{"the gloss of a description without a word for list names no list", "美方認為阿里巴巴均屬於「中國軍事企業」（Chinese military companies），應被列入。", []found{{"alibaba", "阿里巴巴"}}},
		{"an acronym in parentheses after Korean is the list's name", "센스타임은 미 재무부의 투자 금지 명단(NS-CMIC)에 올라 있다.", []found{{"sensetime", "센스타임"}, {"ns-cmic", "NS-CMIC"}}},
		// Black lists in Persian and Arabic, the agency's that keeps them
		// (real excerpts): the Commerce Department's, the FCC's, the
		// Pentagon's; the FATF's is none of the lists.
		{"a Persian black list beside the Commerce Department", "وزارت بازرگانی آمریکا این شرکت را به لیست سیاه خود اضافه کرد.", []found{{"entity-list", "لیست سیاه"}}},
		{"a Persian black list of the FCC", "نام این شرکت به فهرست سیاه کمیسیون ارتباطات فدرال اضافه شد.", []found{{"fcc-covered", "فهرست سیاه کمیسیون ارتباطات فدرال"}}},
		{"the FATF's black list", "گروه ویژه اقدام مالی FATF ایران را در لیست سیاه نگه داشت.", nil},
		{"an Arabic black list and its owner", "أضافت وزارة التجارة الأمريكية الشركة إلى القائمة السوداء الاقتصادية للحكومة الأمريكية.", []found{{"entity-list", "القائمة السوداء الاقتصادية للحكومة الأمريكية"}}},
		{"the Pentagon's black list in Arabic", "يرتفع عدد الشركات المدرجة على القائمة السوداء للبنتاغون في 2020 إلى 35 شركة.", []found{{"ccmc-1237", "القائمة السوداء للبنتاغون"}}},
		{"a list called so", "La liste dite « 1260H » comprend 134 entreprises.", []found{{"1260h", "liste dite « 1260H »"}}},
		{"the Persian loanword for list, and the country after the agency", "هواوی در لیست سیاه وزارت بازرگانی آمریکا قرار گرفت.", []found{{"huawei", "هواوی"}, {"entity-list", "لیست سیاه وزارت بازرگانی آمریکا"}}},
		{"the list's name in Latin letters keeps no country after it", "سنس‌تایم در Entity List آمریکا است.", []found{{"sensetime", "سنس‌تایم"}, {"entity-list", "Entity List"}}},
		{"the enterprise list after the number", "列入「1260H」企業名單中", []found{{"1260h", "「1260H」企業名單"}}},
		{"list word before the acronym", "figuran en la lista NS-CMIC del Tesoro", []found{{"ns-cmic", "lista NS-CMIC"}}},
		{"Chinese list word after", "腾讯被列入1260H清单", []found{{"tencent", "腾讯"}, {"1260h", "1260H清单"}}},
		{"a list name keeps its own list word", "added to the Entity List", []found{{"entity-list", "Entity List"}}},
		{"court abbreviations", "Luokung Tech. Corp. v. Dep't of Def.", []found{{"luokung", "Luokung Tech. Corp."}}},
		{"group abbreviated", "Hesai Grp. v. U.S. Dep't of Def.", []found{{"hesai", "Hesai Grp."}}},
		{"full stop of an abbreviated form", "China Aero Engine Corp., set up in 2016", []found{{"aecc", "China Aero Engine Corp."}}},
		{"possessive after a form", "China Mobile Ltd.’s shares", []found{{"china-mobile", "China Mobile Ltd."}}},
		{"descriptive words after a brand", "Quectel Wireless shipped modules.", []found{{"quectel", "Quectel Wireless"}}},
		{"descriptive words before a form", "Hesai Technologies Co., Ltd. sued.", []found{{"hesai", "Hesai Technologies Co., Ltd."}}},
		{"a word only before a descriptor", "Huawei Digital Power grew.", []found{{"huawei", "Huawei"}}},
		{"the place a legal name starts with, before the brand", "禁令还包括杭州海康威视(002415)的设备。", []found{{"hikvision", "杭州海康威视"}}},
		{"Chinese legal name words", "华为技术有限公司发布声明", []found{{"huawei", "华为技术有限公司"}}},
		{"Chinese product word is not a form", "华为手机销量", []found{{"huawei", "华为"}}},
		{"equipment after a name is the company's only inside its legal name", "禁止采购华为设备。", []found{{"huawei", "华为"}}},
		{"company alone after a short name is a word", "美方认为比亚迪公司与军方有关。", []found{{"byd", "比亚迪"}}},
		{"company alone after a Hindi name is a word", "अमेरिका ने हुआवेई कंपनी पर रोक लगाई।", []found{{"huawei", "हुआवेई"}}},
		{"Korean and Arabic communications after a name", "하이테라 커뮤니케이션즈와 هيتيرا كوميونيكيشنز", []found{{"hytera", "하이테라 커뮤니케이션즈"}, {"hytera", "هيتيرا كوميونيكيشنز"}}},
		{"company after a translated name ends it", "中國海洋石油總公司宣布退市。", []found{{"cnooc", "中國海洋石油總公司"}}},
		{"equipment inside a legal name", "中微半导体设备(上海)股份有限公司进入台积电产线。", []found{{"amec", "中微半导体设备(上海)股份有限公司"}}},
		// A place in parentheses inside a Chinese legal name, or a known
		// place after a name, is part of it (blind-labelled excerpts, all
		// three parts); a name written without its 集团 takes another form.
		// A list the party is on, in the same sentence, is context for a
		// name the data gates by its words (blind-labelled, second part).
		{"gated name, a list it is on in the sentence", "Sense Time a vu son entrée en Bourse repoussée après son inscription sur la liste NS-CMIC.", []found{{"sensetime", "Sense Time"}, {"ns-cmic", "liste NS-CMIC"}}},
		{"gated name, a list it is not on", "Sense Time a été cité le jour où la FCC a publié la Covered List.", []found{{"fcc-covered", "Covered List"}}},
		// A legal form ends before a character of Japanese, Korean or
		// Chinese, a full-width form or a quote (blind-labelled, fourth part).
		{"legal form before Japanese", "Huawei Technologies Co., Ltd.は声明を出した", []found{{"huawei", "Huawei Technologies Co., Ltd."}}},
		{"legal form before a full-width parenthesis", "Semiconductor Manufacturing International Corporation（SMIC）", []found{{"smic", "Semiconductor Manufacturing International Corporation"}, {"smic", "SMIC"}}},
		{"legal form before a quote and Korean", "'SZ DJI Technology Co., Ltd.'는 반박했다", []found{{"dji", "SZ DJI Technology Co., Ltd."}}},
		{"Korean single quotes around a list description", "국방부가 텐센트를 '중국 군사기업' 목록에 추가했다", []found{{"tencent", "텐센트"}, {"1260h", "'중국 군사기업' 목록"}}},
		{"an apostrophe in Latin text is no quote", "Tencent's shares fell after the Pentagon's list of Chinese military companies grew", []found{{"tencent", "Tencent"}, {"1260h", "list of Chinese military companies"}}},
		{"Hindi short i for long i", "अलिबाबा के शेयरों में तेजी आई", []found{{"alibaba", "अलिबाबा"}}},
		{"Hindi list word with its long vowel, folded alike", "पेंटागन की 1260H सूची में CATL", []found{{"1260h", "1260H सूची"}, {"catl", "CATL"}}},
		// A section in CJK or Korean words takes the act's name and fiscal
		// year before it; a law's section is named in other languages'
		// words for it (data/variants.go sectionInOtherLanguages).
		{"section after the act and its fiscal year", "依据2019财年国防授权法第889条，联邦机构不得采购华为的产品", []found{{"ndaa-889", "2019财年国防授权法第889条"}, {"huawei", "华为"}}},
		{"Korean section with its ordinal prefix", "미국 국방수권법(NDAA) 제889조는 화웨이 장비 조달을 금지한다", []found{{"ndaa-889", "국방수권법(NDAA) 제889조"}, {"huawei", "화웨이"}}},
		{"a law's section in Chinese words", "美國國防部依據1999財年國防授權法第1237條公布名單", []found{{"ndaa-1237", "1999財年國防授權法第1237條"}}},
		{"a law's section in Russian words", "Пентагон составил список согласно разделу 1237 закона", []found{{"ndaa-1237", "разделу 1237"}}},
		{"Chinese short form of an order", "拜登对13959号令作出修订", []found{{"eo-13959", "13959号令"}}},
		{"Korean series of orders joined by a particle", "행정명령 13942호와 13943호에 서명했다", []found{{"eo-13942", "행정명령 13942호"}, {"eo-13943", "13943호"}}},
		{"Arabic dual of order and number", "وقّع الأمرين التنفيذيين رقمي ١٣٩٤٢ و١٣٩٤٣ بشأن تيك توك", []found{{"eo-13942", "الأمرين التنفيذيين رقمي ١٣٩٤٢"}, {"eo-13943", "١٣٩٤٣"}}},
		// A Chinese name's first two characters near the full name.
		{"Chinese short form after the full name", "中芯国际发布财报。中芯表示需求强劲", []found{{"smic", "中芯国际"}, {"smic", "中芯"}}},
		{"Chinese short form before the full name", "受美国制裁影响，海康的海外收入下滑。海康威视仍保持增长", []found{{"hikvision", "海康"}, {"hikvision", "海康威视"}}},
		{"Chinese short form that is a word", "长江存储二期工厂投产，长江沿岸的物流随之增长", []found{{"ymtc", "长江存储"}}},
		{"Hindi five-letter name with a vowel added, beside another party", "हुआवेई और ज़ेडटीई जैसी चीनी कंपनियों को बाहर रखा गया", []found{{"huawei", "हुआवेई"}, {"zte", "ज़ेडटीई"}}},
		{"an institute's name with China for Chinese", "Samples were shipped to the China Academy of Engineering Physics (CAEP) in Mianyang.", []found{{"chinese-academy-of-engineering-physics", "China Academy of Engineering Physics"}, {"chinese-academy-of-engineering-physics", "CAEP"}}},
		{"katakana holding in the singular", "アリババ・グループ・ホールディングは、テンセントと同じ日に決算を発表した", []found{{"alibaba", "アリババ・グループ・ホールディング"}, {"tencent", "テンセント"}}},
		{"list's owner between the list word and the description", "CATL, incluida en enero en la lista del Pentágono de empresas militares chinas, construirá una planta.", []found{{"catl", "CATL"}, {"1260h", "lista del Pentágono de empresas militares chinas"}}},
		{"the list's owner after the description is not the list's name (blind parts 1 and 5)", "DJI figure depuis 2022 sur la liste des entreprises militaires chinoises du Pentagone.", []found{{"dji", "DJI"}, {"1260h", "liste des entreprises militaires chinoises"}}},
		{"legal form before an Arabic comma", "نام کامل شرکت، Hangzhou Hikvision Digital Technology Co. Ltd، در فهرست آمده است", []found{{"hikvision", "Hangzhou Hikvision Digital Technology Co. Ltd"}}},
		{"Arabic Lab after a name", "أدرجت لجنة الاتصالات الفيدرالية كاسبرسكي لاب في القائمة", []found{{"kaspersky", "كاسبرسكي لاب"}}},
		{"Hindi name with a place in parentheses before its legal form", "स्टॉक एक्सचेंज ने चाइना यूनिकॉम (हांगकांग) लिमिटेड को डीलिस्ट किया", []found{{"china-unicom", "चाइना यूनिकॉम (हांगकांग) लिमिटेड"}}},
		{"Hindi press spelling with a long vowel, folded", "न्यूयॉर्क शेयर बाजार ने चाईना यूनिकॉम को हटाया", []found{{"china-unicom", "चाईना यूनिकॉम"}}},
		{"Chinese legal name with a place inside", "中国联合网络通信(香港)股份有限公司宣布", []found{{"china-unicom", "中国联合网络通信(香港)股份有限公司"}}},
		{"Chinese name with a known place after it", "中國聯通（香港）股價下跌", []found{{"china-unicom", "中國聯通（香港）"}}},
		{"Chinese name with an unknown word in parentheses", "中国联通(上市)股价", []found{{"china-unicom", "中国联通"}}},
		{"Chinese name without its group word, another form", "中国联合网络通信股份有限公司", []found{{"china-unicom", "中国联合网络通信股份有限公司"}}},
		{"Chinese name without its group word, alone", "中国联合网络通信业务", nil},
		{"Chinese name with a katakana gloss in parentheses", "中国聯通（チャイナ・ユニコム）", []found{{"china-unicom", "中国聯通"}, {"china-unicom", "チャイナ・ユニコム"}}},
		{"Taiwan's character for silicon", "合盛矽業（鄯善）有限公司", []found{{"hoshine-silicon-industry-shanshan-co-ltd", "合盛矽業（鄯善）有限公司"}}},
		// A list's phrase in the text's own words before its name in
		// parentheses is a mention too (blind parts and real excerpts).
		{"Korean list phrase glossed", "미국 상무부가 SMIC를 거래제한 기업 목록(Entity List)에 올렸다.", []found{{"smic", "SMIC"}, {"entity-list", "거래제한 기업 목록"}, {"entity-list", "Entity List"}}},
		{"Korean list phrase stops at a particle", "FCC는 카스퍼스키 제품을 대상 목록(Covered List)에 올렸다.", []found{{"kaspersky", "카스퍼스키"}, {"fcc-covered", "대상 목록"}, {"fcc-covered", "Covered List"}}},
		{"Russian list phrase glossed", "В 2019 году CGN была внесена в список организаций (Entity List) Минторга США.", []found{{"cgn", "CGN"}, {"entity-list", "список организаций"}, {"entity-list", "Entity List"}}},
		{"no word for list, no gloss", "미국 상무부가 SMIC를 제재 기업(Entity List)에 올렸다.", []found{{"smic", "SMIC"}, {"entity-list", "Entity List"}}},
		{"Cyrillic gloss", "Айфлайтек (iFlytek), разработчик систем", []found{{"iflytek", "Айфлайтек"}, {"iflytek", "iFlytek"}}},
		{"Cyrillic gloss after a verb and its object", "Минторг США добавил компанию Айфлайтек (iFlytek) в список", []found{{"iflytek", "Айфлайтек"}, {"iflytek", "iFlytek"}}},
		{"an Arabic word with its article is no gloss", "ثالث أكبر صانع للهواتف في العالم (Xiaomi) الآن", []found{{"xiaomi", "Xiaomi"}}},
		{"Cyrillic gloss with a place inside", "Корпорация коммерческих самолётов Китая (COMAC) получила", []found{{"comac", "Корпорация коммерческих самолётов Китая"}, {"comac", "COMAC"}}},
		{"Cyrillic gloss of words", "В 2021 году Китайская национальная оффшорная нефтяная корпорация (CNOOC) ушла", []found{{"cnooc", "Китайская национальная оффшорная нефтяная корпорация"}, {"cnooc", "CNOOC"}}},
		{"Devanagari gloss", "सेंसटाइम (SenseTime) और", []found{{"sensetime", "सेंसटाइम"}, {"sensetime", "SenseTime"}}},
		{"translated name before the acronym", "La Corporación Nacional de Petróleo Marino de China (CNOOC) fue añadida", []found{{"cnooc", "Corporación Nacional de Petróleo Marino de China"}, {"cnooc", "CNOOC"}}},
		{"translated name after an elided article", "A Corporação da Indústria de Aviação da China (AVIC) chegou", []found{{"avic", "Corporação da Indústria de Aviação da China"}, {"avic", "AVIC"}}},
		{"translated name with a capitalized adjective first", "Die Nationale Universität für Verteidigungstechnologie (NUDT) in Changsha, seit 2015 auf der Entity List", []found{{"national-university-of-defense-technology-nudt", "Nationale Universität für Verteidigungstechnologie"}, {"national-university-of-defense-technology-nudt", "NUDT"}, {"entity-list", "Entity List"}}},
		{"no head word, no gloss", "the state-owned chipmaker (SMIC) said", []found{{"smic", "SMIC"}}},
		{"a quoted list name takes its quotes and list word", "被列入美国国防部“中国军事企业”清单一事", []found{{"1260h", "“中国军事企业”清单"}}},
		{"a list word before a quoted name", "conteste son maintien sur la liste des «\u00a0entreprises militaires chinoises\u00a0» du Pentagone", []found{{"1260h", "liste des «\u00a0entreprises militaires chinoises\u00a0»"}}},
		{"section 889 in another language", "La sección 889 prohíbe a las agencias federales contratar con empresas que usen equipos de Huawei.", []found{{"ndaa-889", "sección 889"}, {"huawei", "Huawei"}}},
		{"half-width katakana", "【速報】ﾌｧｰｳｪｲ、新端末を発表", []found{{"huawei", "ﾌｧｰｳｪｲ"}}},
		{"a legal form in Arabic letters", "قالت شركة زد تي إي كوربوريشن الصينية", []found{{"zte", "زد تي إي كوربوريشن"}}},
		{"a legal form in Devanagari", "जेडटीई कॉर्पोरेशन ने कहा है", []found{{"zte", "जेडटीई कॉर्पोरेशन"}}},
		{"a legal form attached in Hangul", "화웨이테크놀로지스는 한국법인을 통해", []found{{"huawei", "화웨이테크놀로지스"}}},
		{"a legal form after a middle dot in katakana", "カスペルスキー・ラボは発表した", []found{{"kaspersky", "カスペルスキー・ラボ"}}},
		{"a longer katakana word is no form", "ファーウェイラボラトリー", nil},
		{"Hangul gloss", "하이크비전비슷한(Hikvision)은", []found{{"hikvision", "하이크비전비슷한"}, {"hikvision", "Hikvision"}}},
		{"Arabic gloss after a stop word", "عقدا مع نوكتا (Huawei) الصينية", []found{{"huawei", "نوكتا"}, {"huawei", "Huawei"}}},
		{"no gloss in Latin script", "the chipmaker (SMIC) said", []found{{"smic", "SMIC"}}},
		{"title-case acronym beside the full name", "China Aviation Industry Corp. (Avic) steht", []found{{"avic", "China Aviation Industry Corp."}, {"avic", "Avic"}}},
		{"title-case acronym beside a list it is on", "Smic è finita nella cosiddetta Entity List", []found{{"smic", "Smic"}, {"entity-list", "Entity List"}}},
		{"title-case acronym alone", "Smic ha chiuso il 2024 con ricavi in calo", nil},
		{"a title-case form the press prints is a name", "Zte ha chiuso il 2024 con ricavi in calo", []found{{"zte", "Zte"}}},
		{"short form defined after the full name", "Harbin Institute of Technology (HIT) is listed, and HIT students lost access", []found{{"harbin-institute-of-technology", "Harbin Institute of Technology"}, {"harbin-institute-of-technology", "HIT"}, {"harbin-institute-of-technology", "HIT"}}},
		{"short form used before its definition is not one", "HIT students, of Harbin Institute of Technology (HIT)", []found{{"harbin-institute-of-technology", "Harbin Institute of Technology"}, {"harbin-institute-of-technology", "HIT"}}},
		{"line break inside a Chinese name", "报告显示，杭州海康\n威视数字技术股份有限公司的收入", []found{{"hikvision", "杭州海康\n威视数字技术股份有限公司"}}},
		{"small katakana vowel written large", "ファーウエイ製の基地局", []found{{"huawei", "ファーウエイ"}}},
		{"the misprint 迅 for 讯", "腾迅股价盘中一度下跌", []found{{"tencent", "腾迅"}}},
		{"traditional 興", "華為與中興在歐洲5G市場的份額持續下滑", []found{{"huawei", "華為"}, {"zte", "中興"}}},
		{"long name with a word misspelled", "Semiconductor Manufacturing Internatonal Corp. was added to the Entity List", []found{{"smic", "Semiconductor Manufacturing Internatonal Corp."}, {"entity-list", "Entity List"}}},
		{"long name misspelled replaces a mention inside it", "AVIC Johnhon Optronic Technology makes connectors", []found{{"avic-jonhon", "AVIC Johnhon Optronic Technology"}}},
		{"long name misspelled with nothing listed nearby", "Semiconductor Manufacturing Internatonal Corp. said it would appeal", nil},
		// Two edits in a word of ten letters or more (fifth blind part:
		// "Internation"), not in a shorter one ("Amperex" as "Amprx").
		{"long name with a long word cut short", "Semiconductor Manufacturing Internation Corp. was added to the Entity List", []found{{"smic", "Semiconductor Manufacturing Internation Corp."}, {"entity-list", "Entity List"}}},
		{"long name with a long word at two edits", "Contemporary Amperex Tecnolgy was added to the Entity List", []found{{"catl", "Contemporary Amperex Tecnolgy"}, {"entity-list", "Entity List"}}},
		{"two edits in a short word are another word", "Contemporary Amprx Technology was added to the Entity List", []found{{"entity-list", "Entity List"}}},
		{"list in words vouched by a party on it", "Cambricon figure sur la liste des entités", []found{{"cambricon-technologies-corporation-limited", "Cambricon"}, {"entity-list", "liste des entités"}}},
		{"no gloss of an Arabic phrase without a company word", "جمعية خيرية كبيرة (Huawei)", []found{{"huawei", "Huawei"}}},
		{"another name beside the brand", "Xiaomi, and Alibaba's Xiami", []found{{"xiaomi", "Xiaomi"}, {"alibaba", "Alibaba"}}},
		{"three capitalized words are a name of their own", "Tencent and the Ten Cent Store", []found{{"tencent", "Tencent"}}},
		{"Persian letter forms", "شرکت هوآوی", []found{{"huawei", "هوآوی"}}},
		{"Arabic spelling", "شركة هواوي", []found{{"huawei", "هواوي"}}},
		{"quotes inside a name", "Huawei Investment & Holding „Co., Ltd.“", []found{{"huawei", "Huawei Investment & Holding „Co., Ltd."}}},
		{"hyphen at a line break", "Hua-\n wei said", []found{{"huawei", "Hua-\n wei"}}},
		{"real hyphen kept", "Huawei-Chef Ren", []found{{"huawei", "Huawei"}}},
		{"lower-case brand", "bought a huawei phone", []found{{"huawei", "huawei"}}},
		{"lower-case list in a designation", "Commerce added SMIC to the entity list", []found{{"smic", "SMIC"}, {"entity-list", "entity list"}}},
		{"list in Chinese", "列入实体清单", []found{{"entity-list", "实体清单"}}},
		{"list in Japanese", "エンティティー・リストに追加", []found{{"entity-list", "エンティティー・リスト"}}},
		{"list in German, hyphenated", "auf der Entity-Liste", []found{{"entity-list", "Entity-Liste"}}},
		{"CCMC list in Japanese", "「共産中国軍需企業」リストに掲載", []found{{"ccmc-1237", "「共産中国軍需企業」リスト"}}},
		{"a CJK list description alone is the category", "「共産中国軍需企業」と認定", nil},
		{"company in Devanagari", "हुआवे और जेडटीई", []found{{"huawei", "हुआवे"}, {"zte", "जेडटीई"}}},
		{"misspelled: letters swapped", "Hauwei said", []found{{"huawei", "Hauwei"}}},
		{"a split name before a two-syllable particle", "화웨이와 센스 타임에서 발표했다", []found{{"huawei", "화웨이"}, {"sensetime", "센스 타임"}}},
		{"a quoted list name after another quoted phrase", "美国“国防授权法”“中国军事企业”清单", []found{{"1260h", "“中国军事企业”清单"}}},
		{"a Chinese brand before a product model", "上手一周，小米15 Ultra的长焦表现确实比上代更稳", []found{{"xiaomi", "小米"}}},
		{"millet before a price is no brand", "小米15元一斤", nil},
		{"a Latin name with a Korean form attached", "중국 디스플레이 업체 BOE테크놀로지그룹이 애플 아이폰용 OLED 공급 물량을 늘린다", []found{{"boe", "BOE테크놀로지그룹"}}},
		{"a list's short form defined after it", "エンティティー・リスト（EL）に追加した。ELの対象は", []found{{"entity-list", "エンティティー・リスト"}, {"entity-list", "EL"}, {"entity-list", "EL"}}},
		{"a law vouched for by a party named a paragraph before", "We bought recorders made by Hangzhou Hik-\nvision Digital Technology Co., Ltd. for use at certain of our distribution centers. In fiscal 2023 we completed the replacement of all such equipment in order to comply with Section 889.", []found{{"hikvision", "Hangzhou Hik-\nvision Digital Technology Co., Ltd."}, {"ndaa-889", "Section 889"}}},
		{"a brand's drone context", "Autel's new EVO drones undercut DJI on price", []found{{"autel", "Autel"}, {"dji", "DJI"}}},
		{"a Chinese legal name with its city", "将北京旷视科技有限公司列入实体清单", []found{{"megvii", "北京旷视科技有限公司"}, {"entity-list", "实体清单"}}},
		{"a Russian case form of a brand", "«У Хуавэя нет планов уходить из России»", []found{{"huawei", "Хуавэя"}}},
		{"a long name in another script with a letter added", "آنتی‌ویروس کسپراسکی همچنان محبوب است", []found{{"kaspersky", "کسپراسکی"}}},
		{"a name in another script split in two, beside another mention", "화웨이와 센스 타임은 제재를 받았다", []found{{"huawei", "화웨이"}, {"sensetime", "센스 타임"}}},
		{"a word one letter short of a short name in Arabic letters", "گفت بایدو و بی‌وای‌دی باید از فهرست خارج شوند", []found{{"baidu", "بایدو"}, {"byd", "بی‌وای‌دی"}}},
		{"a Romance group word before the name", "El Grupo Sinochem, que absorbió a ChemChina", []found{{"sinochem", "Grupo Sinochem"}, {"chemchina", "ChemChina"}}},
		{"a ticker is no misspelling", "Hikvision (SZSE: HIKVISON) fell", []found{{"hikvision", "Hikvision"}}},
		{"a translated name before a gated acronym in another script", "شرکت ملی هسته‌ای چین (CNNC) در طراحی", []found{{"cnnc", "شرکت ملی هسته‌ای چین"}, {"cnnc", "CNNC"}}},
		{"misspelled: letter dropped", "Hikvison cameras", []found{{"hikvision", "Hikvison"}}},
		{"misspelled: letter doubled", "Xiaommi phones", []found{{"xiaomi", "Xiaommi"}}},
		{"misspelled: space inside", "the Hik vision cameras", []found{{"hikvision", "Hik vision"}}},
		{"misspelled: a letter of the same sound", "Norinko rifles", []found{{"norinco", "Norinko"}}},
		{"misspelled: same sound at the end", "Huawey phones", []found{{"huawei", "Huawey"}}},
		{"misspelled: a double for a double", "Megvee said", []found{{"megvii", "Megvee"}}},
		{"misspelled: a double written once", "Megvi said", []found{{"megvii", "Megvi"}}},
		{"misspelled: short brand, letter dropped, named nearby", "Huawei sued; Huwei's lawyers", []found{{"huawei", "Huawei"}, {"huawei", "Huwei"}}},
		{"misspelled: short brand, letter dropped, alone", "Test du Xiomi Redmi Note 13 Pro", []found{{"xiaomi", "Xiomi"}}},
		{"misspelled: short brand, letter dropped, a list nearby", "Huwei was added to the Entity List", []found{{"huawei", "Huwei"}, {"entity-list", "Entity List"}}},
		{"misspelled: two capitals, named nearby", "Hikvision said a Hik Vision unit", []found{{"hikvision", "Hikvision"}, {"hikvision", "Hik Vision"}}},
		{"misspelled: a long brand in two capitals", "Reports about Hik Vision", []found{{"hikvision", "Hik Vision"}}},
		{"misspelled: a short brand in two capitals, named nearby", "Tencent said; Ten Cent shares", []found{{"tencent", "Tencent"}, {"tencent", "Ten Cent"}}},
		{"a word in the other number in a long name", "China Electronic Technology Group said", []found{{"cetc", "China Electronic Technology Group"}}},
		{"the other number, not the shorter name of another entity", "China Electronics Technologies Group said", []found{{"cetc", "China Electronics Technologies Group"}}},
		{"Arabic 'and' attached to a Latin name", "SMIC وDJI", []found{{"smic", "SMIC"}, {"dji", "DJI"}}},
		{"ambiguous name vouched by the full name", "小米集团周一表示……小米将上诉", []found{{"xiaomi", "小米集团"}, {"xiaomi", "小米"}}},
		{"legal form joined by a comma", "Chengdu JOUAV Automation Tech Co.,Ltd. said", []found{{"jouav", "Chengdu JOUAV Automation Tech Co.,Ltd."}}},
		{"no comma join after the name", "JOUAV,Ltd. said", []found{{"jouav", "JOUAV"}}},
		{"context word inside the name is no context", "Dawning Company said", nil},
		{"a press name needs no context", "Fudan Microelectronics said", []found{{"shanghai-fudan-microelectronics-co-ltd", "Fudan Microelectronics"}}},
		{"context word beside the name", "Fudan Microelectronics, on the Entity List, said", []found{{"shanghai-fudan-microelectronics-co-ltd", "Fudan Microelectronics"}, {"entity-list", "Entity List"}}},
		{"a name does not vouch for itself", "Huawei Device said", []found{{"huawei", "Huawei"}}},
		{"a gated alias with a legal form needs context", "Farteco Ltd. said", nil},
		{"a gated alias with a legal form beside the list", "Farteco Ltd. is on the Entity List", []found{{"farteco-limited", "Farteco Ltd."}, {"entity-list", "Entity List"}}},
		// A phrase two lists share names the one the party beside it is on
		// and the other is not; else the later list (blind part 1, line
		// 2127: Xiaomi left the Sec. 1237 list).
		{"a shared list phrase beside a party on the first list only", "Xiaomi è uscita dalla lista nera del Pentagono dopo la sentenza.", []found{{"xiaomi", "Xiaomi"}, {"ccmc-1237", "lista nera del Pentagono"}}},
		{"a shared list phrase beside a party on the later list only", "Tencent finisce nella lista nera del Pentagono.", []found{{"tencent", "Tencent"}, {"1260h", "lista nera del Pentagono"}}},
		{"a shared list phrase beside a party on both", "Huawei è nella lista nera del Pentagono.", []found{{"huawei", "Huawei"}, {"1260h", "lista nera del Pentagono"}}},
		{"a shared list phrase beside the year 2020", "In December 2020 the Pentagon added SMIC to a blacklist of alleged Chinese military companies.", []found{{"smic", "SMIC"}, {"ccmc-1237", "Chinese military companies"}}},
		{"a shared list phrase with its list word", "米国防総省、Xiaomiを“中国軍事企業”リストに追加", []found{{"xiaomi", "Xiaomi"}, {"ccmc-1237", "“中国軍事企業”リスト"}}},
		{"a Russian legal form before the name in quotes", "Бюро внесло в перечень АО «Лаборатория Касперского» в 2022 году", []found{{"kaspersky", "АО «Лаборатория Касперского»"}}},
		{"the closing quote after a name that holds its form", "ООО «Техкомпания Хуавэй» сократила выручку", []found{{"huawei", "ООО «Техкомпания Хуавэй»"}}},
		{"a form before quotes that hold more than the name", "В Entity List попали ООО «Касперский Груп» и другие", []found{{"entity-list", "Entity List"}, {"kaspersky", "Касперский"}}},
		{"no form, no quotes taken", "сотрудники «Лаборатории Касперского» сообщили", []found{{"kaspersky", "Лаборатории Касперского"}}},
		{"an Arabic word for company before a rendered name", "وقعت شركة الصين الوطنية للنفط البحري عقدا", []found{{"cnooc", "شركة الصين الوطنية للنفط البحري"}}},
		{"not before a brand", "قالت شركة هواوي إن", []found{{"huawei", "هواوي"}}},
		{"Section 1260H alone is the law's section", "Under Section 1260H, the Pentagon lists companies; the Section 1260H list grew.", []found{{"ndaa-1260h", "Section 1260H"}, {"1260h", "Section 1260H list"}}},
		{"a section in Hindi spells the letter out", "पेंटागन ने धारा 1260एच के तहत सूची जारी की", []found{{"ndaa-1260h", "धारा 1260एच"}}},
		{"a Hindi description in single quotes with its list word after", "पेंटागन ने टेनसेंट को 'चीनी सैन्य कंपनियों' की सूची में जोड़ा", []found{{"tencent", "टेनसेंट"}, {"1260h", "'चीनी सैन्य कंपनियों' की सूची"}}},
		{"a Hindi description with its list word after", "पेंटागन ने टेनसेंट को चीनी सैन्य कंपनियों की सूची में जोड़ा", []found{{"tencent", "टेनसेंट"}, {"1260h", "चीनी सैन्य कंपनियों की सूची"}}},
		{"NS-CMIC's name rendered in Russian", "Минфин США внёс SenseTime в перечень китайских компаний военно-промышленного комплекса.", []found{{"sensetime", "SenseTime"}, {"ns-cmic", "перечень китайских компаний военно-промышленного комплекса"}}},
		{"an acronym vouched for by its surer mention later in the passage", "CGN and its rival won approval on Tuesday for a pair of new Hualong One units in Guangdong province, taking the year's total to ten. The nuclear operator CGN will start work in spring.", []found{{"cgn", "CGN"}, {"cgn", "CGN"}}},
		{"an acronym with no surer mention stays unmarked", "CGN and its rival won approval on Tuesday for a pair of new units in Guangdong province.", nil},
		{"a lower-case acronym vouched for by the same party", "ＤＪＩ的新機買不到。網友說ｄｊｉ官網也缺貨。", []found{{"dji", "ＤＪＩ"}, {"dji", "ｄｊｉ"}}},
		{"a lower-case acronym beside a list it is on", "Huawei and zte were both put on the Entity List.", []found{{"huawei", "Huawei"}, {"zte", "zte"}, {"entity-list", "Entity List"}}},
		{"a lower-case acronym alone is a word", "Le smic augmente de 2 % au 1er janvier.", nil},
		{"a brand in title case is not taken in lower case", "Autel Robotics makes drones. A drone filmed the autel of the chapel.", []found{{"autel", "Autel Robotics"}}},
		{"a five-letter brand with two letters swapped, vouched for by another party", "Hikvision and Dahau cameras were pulled.", []found{{"hikvision", "Hikvision"}, {"dahua", "Dahau"}}},
		{"a gated brand's slip with its context word alone", "The force bought 46 Dahau body-worn cameras in 2021.", nil},
		{"a gated brand's slip without its context word", "The Dahau family moved to Berlin in 1990.", nil},
		{"katakana without the long-vowel mark", "ファウェイ製のルーター", []found{{"huawei", "ファウェイ"}}},
		{"katakana with a long-vowel mark the name has not", "シャオミーの新機種", []found{{"xiaomi", "シャオミー"}}},
		{"katakana with ヴ for the b-row", "ハイクヴィジョン製のカメラ", []found{{"hikvision", "ハイクヴィジョン"}}},
		{"a Korean name with 용 or 향 after it", "국내 업체들의 화웨이향 매출과 화웨이용 칩 생산", []found{{"huawei", "화웨이"}, {"huawei", "화웨이"}}},
		{"Hindi with a dental d and no long a", "दहुआ के कैमरे सस्ते हैं और हिकविज़न के भी", []found{{"dahua", "दहुआ"}, {"hikvision", "हिकविज़न"}}},
		// A review of the pass's diff found these false marks (helper, December 2026).
		{"a gated acronym in lower case is a word", "The best way for Huawei to get off the Entity List is to lobby.", []found{{"huawei", "Huawei"}, {"entity-list", "Entity List"}}},
		{"a lower-case acronym after an article", "En France, le smic augmente de 2 % au 1er janvier. Par ailleurs, le fondeur chinois SMIC a annoncé des résultats.", []found{{"smic", "SMIC"}}},
		{"a five-letter brand in two words is a name", "The engineer He Sai, who once worked at Huawei, said the chips were late.", []found{{"huawei", "Huawei"}}},
		{"a gated brand's slip needs more than a context word", "Matt O'Brien, an analyst, said Nvidia's GPU sales rose.", nil},
		{"a word after O' is a name's part", "Huawei hired Sean O'Brien to lobby on the Entity List.", []found{{"huawei", "Huawei"}, {"entity-list", "Entity List"}}},
		{"a list's description in apposition after its name", "Huawei figure sur l'Entity List, la liste noire du département américain du Commerce, depuis 2019.", []found{{"huawei", "Huawei"}, {"entity-list", "Entity List"}}},
		{"a list's description in apposition before its name", "Washington a inscrit SMIC sur sa liste noire commerciale, l'« Entity List », en 2020.", []found{{"smic", "SMIC"}, {"entity-list", "Entity List"}}},
		{"a description glossed by the name in parentheses keeps both", "L'OFAC tient une « liste des sociétés du complexe militaro-industriel chinois » (NS-CMIC List) depuis 2021.", []found{{"ns-cmic", "liste des sociétés du complexe militaro-industriel chinois"}, {"ns-cmic", "NS-CMIC List"}}},
		{"Italian elenco before a list's number", "Il socio figura nell'elenco 1260H del Pentagono.", []found{{"1260h", "elenco 1260H"}}},
		{"the 1237 list beside its subject", "Both firms were on the Defense Department's 1237 list by 2020.", []found{{"ccmc-1237", "1237 list"}}},
		{"a country's own military-industrial complex is no list", "Доля компаний военно-промышленного комплекса России выросла", nil},
	}
	checkFinds(t, d, tests)
}

// TestFindTraps: text that must not be marked (issue 6's trap list).
func TestFindTraps(t *testing.T) {
	d := realDataset(t)
	for _, text := range []string{
		"The .DJI index rose",                  // Dow Jones index ticker
		"^DJI closed higher",                   // the same, Yahoo style
		"a cosmic ray",                         // SMIC inside a word
		"the China mobile market grew",         // not China Mobile
		"see https://www.mi.com/xiaomi/phones", // URL
		"mail press@huawei.com now",            // address
		"data:image/png;base64,iVBORw0KGgoXiaomiAAAANSUhEUgAAAAEAAAAB", // base64 blob
		"an entity list in a database",                                 // generic phrase
		"a bowl of 小米粥",                                                // millet porridge, no company context
		"xiaomi_phone_id = 3",                                          // identifier
		"djinn and DJIA",                                               // inside words
		"executive order 139590",                                       // a different number
		"China Mobile Phone Sales Slump in Q3",                         // phones in China, in a headline
		"the China Mobile Games Awards",                                // a product name
		"add a record to the entity list in the CRM",                   // data modelling
		"invoice 13959 was paid",                                       // a number, no order nearby
		"13,959 votes were cast",                                       // a grouped number, no order nearby
		"Aisino alone",                                                 // a one-word list name needs its legal form
		"Jonson said",                                                  // one letter from Jonhon: substitutions need a long brand
		"the huwei river",                                              // a misspelling must be capitalized
		"Zhang Xiaomin and Li Xiaomei",                                 // given names one letter from Xiaomi
		"Xiami, the music service",                                     // another company, one letter short of Xiaomi
		"Huwei Township in Yunlin County",                              // a place one letter short of a brand: Huawei's not-name
		"Shares of Xiomi Textiles rose",                                // a company noun after a misspelling: another firm's name
		"海康的海外收入下滑",                                                    // a short form with no full name near
		"Согласно статье 1237 Гражданского кодекса договор расторгнут", // a section number of another law, no defence act or Pentagon near
		"Reports about Ten Cent",                                                 // two capitalized words, a short brand and no Tencent nearby
		"Professor Loong Son said",                                               // a capitalized word before two capitalized words
		"The report named Sense Time on Monday.",                                 // a name the data gates by context keeps its rule
		"Sense Time, a Danish watch brand",                                       // a foreign appositive holds for a split brand too
		"the Hik Vision Awards",                                                  // followed by an institution's noun
		"Chen Xiaomu scored",                                                     // u is not a sound of i
		"By noon the DJI was down 120 points and the Nasdaq lost 0.4%.",          // the Dow's symbol among indexes
		"Depuis le 1er janvier, le SMIC atteint 1 802 euros brut par mois.",      // the French minimum wage
		"John Holland, the Irish inventor, tested his boat in 1878.",             // a listed builder's name without its form is a person's
		"La troupe joue « Alibaba et les quarante voleurs » tout l'hiver.",       // the tale
		"China Mobile Shipments Rise as Foldables Gain",                          // phones in a headline
		"Ticker watch: CALB +2.3% after California BanCorp raised its dividend.", // a bank's ticker
	} {
		if got := findAll(d, text); len(got) != 0 {
			t.Errorf("Find(%q) = %v, want nothing", text, got)
		}
	}
}

// TestFindMatchesReference compares the automaton with the naive matcher on
// random text made of names, parts of names and separators.
func TestFindMatchesReference(t *testing.T) {
	d := realDataset(t)
	rng := rand.New(rand.NewSource(1))
	var names []string
	for _, p := range d.Patterns {
		names = append(names, string(p.Exact))
	}
	seps := []string{" ", " ", ", ", "'s ", "’", "-", ".", "^", "\u00ad", "\u200b", "\u00a0", "\n", "的", "/", "x", "é"}
	for i := 0; i < 1500; i++ {
		var b strings.Builder
		for j := rng.Intn(8); j >= 0; j-- {
			n := names[rng.Intn(len(names))]
			switch rng.Intn(5) {
			case 0:
				n = strings.ToLower(n)
			case 1:
				n = strings.ToUpper(n)
			case 2:
				rs := []rune(n)
				n = string(rs[:rng.Intn(len(rs)+1)])
			}
			b.WriteString(n)
			b.WriteString(seps[rng.Intn(len(seps))])
		}
		s := b.String()
		if got, want := d.Find(s), d.FindNaive(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q)\n got %v\nwant %v", s, got, want)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Xiaomi", "China Mobile Communications Group", "E.O. 13959", "小米集团", "Xiao\u00admi's", ".DJI", "Entity List",
		"Board of Education (BOE) (", "(CASC)", "Liu Huawei", "وهواوي", "シャオミン", "Executive Orders 13959, (the) 14032", "第13959号行政令", "Xiaomi, the Italian", "Brazil's CloudWalk", "Consys GmbH.",
		"NATA, the National", "X, or CSRC", "PNC Bank", "Fang Yu, a", "Tianjin University of", "中国的Huawei和", "中國電信", "زد\u200cتی\u200cای", "موجودیت\u200cها", "General Technology Inc.", "a New Mexico",
		// The December 2026 passes: glosses, quotes, script misspellings, forms in other scripts, namesakes.
		"La Corporación Nacional (CNOOC)", "l'Istituto (HIT)", "“中国军事企业”清单", "« x » « y »", "ﾌｧｰｳｪｲ", "센스 타임에서",
		"BOE테크놀로지그룹", "کسپراسکی", "شرکت ملی (CNNC)", "北京旷视科技有限公司", "小米15 Ultra", "el Grupo Sinochem",
		"CloudWalk, based in Brazil. CloudWalk", "(SMIC) минимальная", "Хуавэя", "ज़ेडटीई कॉर्पोरेशन",
		// The fifth pass: shared list phrases, quoted legal names, heads, lower case, swaps, folds.
		"Xiaomi lista nera del Pentagono", "АО «Лаборатория Касперского»", "ООО «", "شركة الصين الوطنية", "ｄｊｉ ＤＪＩ",
		"Dahau cameras Hikvision", "シャオミー", "ハイクヴィジョン", "दहुआ", "화웨이향", "Haikang Weishi", "धारा 1260एच", "차이나 모바일"} {
		f.Add(s)
	}
	d := realDataset(f)
	f.Fuzz(func(t *testing.T, s string) {
		got, want := d.Find(s), d.FindNaive(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Find(%q)\n got %v\nwant %v", s, got, want)
		}
		for _, m := range got {
			if m.Start < 0 || m.End <= m.Start {
				t.Fatalf("bad span %v in %q", m, s)
			}
		}
	})
}

// BenchmarkFind: the matcher on the corpus sentences joined into one text.
// go run ./build bench compares it with the alternatives on real pages.
func BenchmarkFind(b *testing.B) {
	d := realDataset(b)
	var sb strings.Builder
	for i := 0; i < 20; i++ {
		for _, p := range d.Patterns[:200] {
			sb.WriteString("In a story about markets, ")
			sb.WriteString(string(p.Exact))
			sb.WriteString(" was named once, with plenty of ordinary words around it. ")
		}
	}
	text := sb.String()
	t := &engine.Text{}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		t.Reset(text)
		d.FindText(t)
	}
}

// TestFindNamesakes: what a sentence says about a name tells a namesake
// apart (namesakes.go). Each line pins a false mark a review of English
// and other-language text found in December 2026, beside the mention the
// same rule must keep.
func TestFindNamesakes(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"an acronym the text defines as another body's", "The California Association of Student Councils (CASC) met. The CASC camp opened.", nil},
		{"an acronym after the listed party's own name", "China Railway Construction Corporation Limited (CRCC) won it.",
			[]found{{"crcc", "China Railway Construction Corporation Limited"}, {"crcc", "CRCC"}}},
		{"a firm from elsewhere, after the name", "Xiaomi, the Italian maker of bicycles, said so.", nil},
		{"a country's decision about a listed party", "America's Huawei ban and Germany's ZTE decision.", []found{{"huawei", "Huawei"}, {"zte", "ZTE"}}},
		{"a Chinese city is no namesake", "Xiaomi, the Beijing phone maker, said so.", []found{{"xiaomi", "Xiaomi"}}},
		{"a hashtag names the brand", "Unter dem Hashtag #hikvision teilten Nutzer Fotos", []found{{"hikvision", "hikvision"}}},
		{"a fragment of an address is no hashtag", "see example.org/page#hikvision for more", nil},
		{"a ticker after an exchange's name", "Shares of Boyd Gaming (NYSE: BYD) rose 3%.", nil},
		{"a namesake described later in the passage", "Xiaomi shares fell 6% after the bicycle maker cut its guidance. Xiaomi, which is based in Italy, said so.", nil},
		{"a capital inside the word is another name, not a slip", "L'UniTre di Torino apre le iscrizioni ai corsi di robotica", nil},
		{"an idiom around a name's characters", "这位老科学家一生以振兴中华为己任", nil},
		{"a headless syllable before an acronym is no gloss", "سهام سی‌ان‌اوک (CNOOC) رشد کرد", []found{{"cnooc", "CNOOC"}}},
		{"a Japanese word a letter from a name", "同社は日本でもハイビジョン対応の監視カメラを売る", nil},
		// A review of the December 2026 rules: a branch placed elsewhere
		// is not a namesake for the passage; a ticker after a Korean name
		// is no short form.
		{"a branch placed elsewhere keeps the party's other mentions", "Hikvision USA, based in California, said so. Hikvision was added to the Entity List.", []found{{"hikvision", "Hikvision"}, {"hikvision", "Hikvision"}, {"entity-list", "Entity List"}}},
		{"a ticker after a Korean name", "바이두(BIDU) 주가가 올랐다. BIDU는", []found{{"baidu", "바이두"}}},
		{"a ticker after an exchange's name, French spacing", "l’exploitant de casinos Boyd Gaming (NYSE\u00a0: BYD) a bondi", nil},
		// Second blind-labelled corpus (December 2026): a name the text
		// gives another party keeps that sense; a ticker after a one-word
		// name is no short form of it; an acronym the text defines as
		// something else is that thing throughout.
		{"a namesake's sense ends with its passage", "CloudWalk, the Brazilian payments fintech, said so. " + strings.Repeat("Ordinary words of another story. ", 80) + "CloudWalk was added to the Entity List.", []found{{"cloudwalk", "CloudWalk"}, {"entity-list", "Entity List"}}},
		{"a namesake keeps its sense through the text", "SAO PAULO - CloudWalk, the Brazilian payments fintech, said so. CloudWalk founder Luis Silva spoke.", nil},
		{"a namesake described after its ticker", "ACM Research Inc. (NASDAQ: ACMR), the Fremont, California-based maker, said so.", nil},
		{"a ticker in parentheses is no short form", "سهام بایدو (BIDU) در بورس نزدک افت کرد. نماد BIDU از ابتدای سال", []found{{"baidu", "بایدو"}}},
		{"an acronym defined as another thing", "Во Франции минимальная зарплата (SMIC) выросла на 1,13% — до 1766,92 евро в месяц до вычета налогов. Профсоюзы называют такую индексацию SMIC недостаточной.", nil},

		{"a city before a foreign state", "Xiaomi, the Arlington, Virginia-based data provider, said so.", nil},
		{"a city before a Chinese province", "Xiaomi, the Beijing, Hebei-based phone maker, said so.", []found{{"xiaomi", "Xiaomi"}}},
		{"a listing venue is no namesake", "Hesai Group, the US-listed lidar maker, said so.", []found{{"hesai", "Hesai Group"}}},
		{"the start of an institution's name", "China Telecommunications Museum reopened.", nil},
		{"a given name after a surname", "Liu Huawei, a retired teacher, paints.", nil},
		{"a brand after a sentence's surname-like word", "He met Lin. Huawei said no.", []found{{"huawei", "Huawei"}}},
		{"a foreign legal form", "Consys GmbH opened an office.", nil},
		{"an acronym an appositive defines", "NATA, the National Athletic Trainers' Association, met. NATA said so.", nil},
		{"an acronym after its expansion and or", "The Pacific Standard Time, or PST, applies.", nil},
		{"a place with -based", "Wisdom Technology, a Florida-based consultancy, said so.", nil},
		{"a place of two words", "Wisdom Technology, a New Mexico consultancy, said so.", nil},
		{"a person with a role", "Fang Yu, a Shanghai-based analyst, spoke about the Entity List.", []found{{"entity-list", "Entity List"}}},
		{"a person named on the list", "Fang Yu was added to the Entity List.", []found{{"fang-yu", "Fang Yu"}, {"entity-list", "Entity List"}}},
		{"another company's name after an ambiguous acronym", "PNC Bank declined letters of credit for parties on the Entity List.", []found{{"entity-list", "Entity List"}}},
		{"a longer university name", "Tianjin University of Technology opened a lab.", nil},
		{"China's own list", "China added the firm to its Unreliable Entity List.", nil},
		{"a plain-word name with an American form", "General Technology Inc. won a contract.", nil},
		{"a plain-word name with its own form", "General Technology Limited was listed.", []found{{"general-technology-limited", "General Technology Limited"}}},
		{"a katakana name inside a longer word", "シャオミンさんが来た。", nil},
		{"a katakana name as a word", "シャオミの新製品。", []found{{"xiaomi", "シャオミ"}}},
		{"a Latin name in a long Japanese paragraph", "日本経済新聞によると、米商務省は中国の通信機器大手Huaweiとその関連会社をEntity Listに追加したと発表した。",
			[]found{{"huawei", "Huawei"}, {"entity-list", "Entity List"}}},
		{"a Latin name in a long Chinese paragraph", "美国商务部今天宣布将更多中国企业列入出口管制名单，其中包括SMIC和它的多家子公司，引发市场关注。",
			[]found{{"smic", "SMIC"}}},
		{"an address in Chinese text is still an address", "详情请访问https://www.huawei.com/cn/news了解。", nil},
	}
	checkFinds(t, d, tests)
}

// TestFindTranslatedNames: a state company's descriptive name translated
// word by word, in the word order and grammar of each language (blind parts
// 2 and 4 missed these in Russian, Hindi, Persian, Arabic and Spanish), and
// descriptions that are not such a name.
func TestFindTranslatedNames(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"Russian, genitive of China last", "Национальная оффшорная нефтяная корпорация Китая попала в Entity List.",
			[]found{{"cnooc", "Национальная оффшорная нефтяная корпорация Китая"}, {"entity-list", "Entity List"}}},
		{"Russian, inflected, a small word between", "Санкции против Корпорации аэрокосмической науки и промышленности Китая (CASIC) продлены.",
			[]found{{"casic", "Корпорации аэрокосмической науки и промышленности Китая"}, {"casic", "CASIC"}}},
		{"Hindi, translated with a postposition", "चीन की राष्ट्रीय अपतटीय तेल कंपनी को Entity List में रखा गया।",
			[]found{{"cnooc", "चीन की राष्ट्रीय अपतटीय तेल कंपनी"}, {"entity-list", "Entity List"}}},
		{"Hindi, English words in Devanagari", "एविएशन इंडस्ट्री कॉर्पोरेशन ऑफ चाइना भी Entity List में है।",
			[]found{{"avic", "एविएशन इंडस्ट्री कॉर्पोरेशन ऑफ चाइना"}, {"entity-list", "Entity List"}}},
		{"Hindi, shipbuilding in two words", "चीनी राज्य जहाज निर्माण निगम पर Entity List लागू है।",
			[]found{{"cssc", "चीनी राज्य जहाज निर्माण निगम"}, {"entity-list", "Entity List"}}},
		{"Persian, offshore in two words, Persian letters", "شرکت ملی نفت فلات قاره چین در Entity List است.",
			[]found{{"cnooc", "شرکت ملی نفت فلات قاره چین"}, {"entity-list", "Entity List"}}},
		{"Arabic, the article and clitics joined", "المؤسسة النووية الوطنية الصينية مدرجة على Entity List.",
			[]found{{"cnnc", "المؤسسة النووية الوطنية الصينية"}, {"entity-list", "Entity List"}}},
		{"Spanish, vouches for the acronym after it", "Argentina negocia con la Corporación Nuclear Nacional China (CNNC) la construcción de Atucha III.",
			[]found{{"cnnc", "Corporación Nuclear Nacional China"}, {"cnnc", "CNNC"}}},
		{"English, words moved", "The engine is made by the Aero Engine Group of China, which is on the Entity List.",
			[]found{{"aecc", "Aero Engine Group of China"}, {"entity-list", "Entity List"}}},
		{"a lower-case group word before a Latin name is not part of it", "Le groupe China General Nuclear Power (CGN) figure sur l'Entity List.",
			[]found{{"cgn", "China General Nuclear Power"}, {"cgn", "CGN"}, {"entity-list", "Entity List"}}},
		{"Hindi, corporation spelled with a plain r", "चाइना कमर्शियल एयरक्राफ्ट कॉरपोरेशन (COMAC) ने विमान बनाया।",
			[]found{{"comac", "चाइना कमर्शियल एयरक्राफ्ट कॉरपोरेशन"}, {"comac", "COMAC"}}},
		{"Persian, marine for offshore", "شرکت نفت دریایی ملی چین (CNOOC) کنار کشید.",
			[]found{{"cnooc", "شرکت نفت دریایی ملی چین"}, {"cnooc", "CNOOC"}}},
		{"a joined Arabic and is not the name's", "وتضم القائمة نورينكو، والمؤسسة الصينية لعلوم وتكنولوجيا الفضاء، وEntity List.",
			[]found{{"norinco", "نورينكو"}, {"casc", "المؤسسة الصينية لعلوم وتكنولوجيا الفضاء"}, {"entity-list", "Entity List"}}},
		{"a name is in one script", "ومن بين الكيانات المدرجة China National Offshore Oil Corporation وشركتها التابعة",
			[]found{{"cnooc", "China National Offshore Oil Corporation"}}},
		{"alone in another script: the prefilter keys China and company words there", "Китайская национальная ядерная корпорация построила два реактора.",
			[]found{{"cnnc", "Китайская национальная ядерная корпорация"}}},
		{"alone in Latin letters, with nothing the prefilter reads near", "La Corporación Nuclear Nacional China construyó dos reactores.", nil},
		{"a description in lower case", "a chinese national nuclear corporation was added to the Entity List", []found{{"entity-list", "Entity List"}}},
		{"one concept short of the name", "Китайская национальная нефтяная корпорация тоже в Entity List.", []found{{"entity-list", "Entity List"}}},
		{"and between words of a name without it", "Китайские авиационные и промышленные корпорации растут, как и Entity List.", []found{{"entity-list", "Entity List"}}},
		{"no word for a company", "Китайская национальная ядерная промышленность и Entity List", []found{{"entity-list", "Entity List"}}},
	}
	checkFinds(t, d, tests)
}

// TestFindEntityListNeedsDesignation: "Entity List" is also a term of
// software and contracts, in every language (blind part 5: 13 trap marks
// of its 29); a text names the BIS list only where something says it is
// about US export controls or a party, list or order stands near.
func TestFindEntityListNeedsDesignation(t *testing.T) {
	d := realDataset(t)
	for _, text := range []string{
		"In the CRM, open the Entity List view, filter on \"Contact\", and export the entity list to a spreadsheet.",
		"Annex 4 (the \"Entity List\") names every guarantor. The Borrower may amend the Entity List by notice to the Agent.",
		"Laut Anlage 3 („Entity List“) treten alle Konzerngesellschaften dem Cash-Pool bei.",
		"本合同附件二“关联实体清单”列明了乙方的全部子公司。",
		"契約書別紙3の「エンティティ・リスト」に記載された関連会社にも本条を適用する。",
		"Игровой движок хранит Entity List для каждой сцены.",
		"JPA에서 엔티티 리스트를 조회하고 새 엔티티를 엔티티 리스트에 추가한다.",
	} {
		if got := findAll(d, text); len(got) != 0 {
			t.Errorf("Find(%q) = %v, want nothing", text, got)
		}
	}
	for _, text := range []string{
		"The Entity List now includes more than 1,000 Chinese parties.",
		"It was placed on the Entity List last May.",
		"The Commerce Department maintains the Entity List.",
		"Die Entity List der USA wächst.",
		"エンティティ・リストに載った企業は輸出許可が必要だ。",
		"美国商务部更新了实体清单。",
		"Компанию внесли в Entity List.",
		// Korean: a verb of placing on the list is its designation (the
		// fifth blind part; inews24 and others write "엔티티 리스트에 올라").
		"중국 AI 기업 두 곳도 이미 엔티티 리스트에 올라 있다.",
		"중국 반도체 기업 3곳이 엔티티리스트에 등재됐다.",
	} {
		got := findAll(d, text)
		if len(got) != 1 || got[0].ID != "entity-list" {
			t.Errorf("Find(%q) = %v, want the Entity List", text, got)
		}
	}
}

// TestFindSectionWithAct: a section and the act's short form after it (or,
// in Hindi, before it) are one mention, as blind part 5's labellers marked
// them in every language.
func TestFindSectionWithAct(t *testing.T) {
	d := realDataset(t)
	tests := []struct{ text, want string }{
		{"Seit 2019 gilt Section 889 des NDAA 2019 auch für Auftragnehmer.", "Section 889 des NDAA 2019"},
		{"La sezione 1260H del NDAA 2021 impone una lista annuale.", "sezione 1260H del NDAA 2021"},
		{"Согласно разделу 889 NDAA закупки запрещены.", "разделу 889 NDAA"},
		{"Раздел 805 NDAA-2024 вступает в силу в июне.", "Раздел 805 NDAA-2024"},
		{"Sec. 1260H NDAA FY2021 requires a yearly list.", "Sec. 1260H NDAA FY2021"},
		{"طبق بخش 889 قانون NDAA خرید ممنوع است.", "بخش 889 قانون NDAA"},
		{"NDAA की धारा 889 के तहत खरीद पर रोक है।", "NDAA की धारा 889"},
		{"वित्त वर्ष 2024 के NDAA की धारा 805 लागू होगी।", "वित्त वर्ष 2024 के NDAA की धारा 805"},
		{"Seit 2019 verbietet „Section 889“ des NDAA solche Käufe.", "Section 889"},
		{"Section 889 and the NDAA's other parts apply.", "Section 889"},
		// The act by its name, with its namesake and fiscal year, in each
		// language, and the subsections before it (sixth blind part).
		{"Section 889(a)(1)(B) of the John S. McCain National Defense Authorization Act for Fiscal Year 2019 bars it.",
			"Section 889(a)(1)(B) of the John S. McCain National Defense Authorization Act for Fiscal Year 2019"},
		{"Section 889(a)(1)(B) covers contractors.", "Section 889"},
		{"La Sección 1260H de la Ley de Autorización de Defensa Nacional para el año fiscal 2021 obliga al Pentágono.",
			"Sección 1260H de la Ley de Autorización de Defensa Nacional para el año fiscal 2021"},
		{"La section 1260H de la loi de programmation militaire américaine pour l'exercice 2021 s'applique au Pentagone.",
			"section 1260H de la loi de programmation militaire américaine pour l'exercice 2021"},
		{"Согласно разделу 1260H закона об оборонном бюджете США на 2021 финансовый год Пентагон публикует список.",
			"разделу 1260H закона об оборонном бюджете США на 2021 финансовый год"},
		{"Nach § 889 NDAA 2019 dürfen Behörden nichts kaufen.", "§ 889 NDAA 2019"},
		// Arabic after "من" (of), Persian right after the section, with
		// the fiscal year in each (sixth blind part).
		{"تحظر المادة 889 من قانون تفويض الدفاع الوطني للسنة المالية 2019 على الوكالات الشراء.",
			"المادة 889 من قانون تفويض الدفاع الوطني للسنة المالية 2019"},
		{"بند ۸۸۹ قانون مجوز دفاع ملی سال مالی ۲۰۱۹ پیمانکاران را منع می‌کند.", "بند ۸۸۹ قانون مجوز دفاع ملی سال مالی ۲۰۱۹"},
		{"Section 889 of the contract and the National Defense Authorization Act apply.", "Section 889"},
		// The act before, in brackets or with its short form in parentheses.
		{"根据《2021财年国防授权法》第1260H条，国防部每年公布名单。", "《2021财年国防授权法》第1260H条"},
		{"依《2019年國防授權法》第889條，聯邦機構不得採購。", "《2019年國防授權法》第889條"},
		{"2024年度国防権限法（NDAA）第805条は契約を禁じる。", "2024年度国防権限法（NDAA）第805条"},
		{"製品はNDAA第889条により排除されている。", "NDAA第889条"},
		{"2019회계연도 국방수권법(NDAA) 제889조에 따라 금지된다.", "2019회계연도 국방수권법(NDAA) 제889조"},
		{"एनडीएए की धारा 889 के कारण ये कैमरे बंद हैं।", "एनडीएए की धारा 889"},
		// Japanese 会計年度 (fiscal year), the clause 条款, the act by its
		// Public Law number (real excerpts).
		{"国防総省は、2021年会計年度国防権限法第1260H条に基づきリストを公開した。", "2021年会計年度国防権限法第1260H条"},
		{"该公司被列入《国防授权法案》第1260H条款中的清单。", "《国防授权法案》第1260H条款"},
		{"這些公司是國防部根據經修訂的105-261號公法第1237條列出的公司。", "105-261號公法第1237條"},
		// The act's English name in parentheses between it and the section.
		{"早在1998年,美国《1999财年国防授权法案》(National Defense Authorization Act for Fiscal Year 1999,NDAA 1999)第1237条就提出了概念。",
			"《1999财年国防授权法案》(National Defense Authorization Act for Fiscal Year 1999,NDAA 1999)第1237条"},
		// A law's name with its own year after it; another year is not
		// taken (real excerpts).
		{"وذلك لدعم قانون شبكات الاتصالات الآمنة والموثوق بها لعام 2019، والذي يتطلب نشر قائمة.", "قانون شبكات الاتصالات الآمنة والموثوق بها لعام 2019"},
		{"Its draft changes the Secure Networks Act 2020 text.", "Secure Networks Act"},
		// The fiscal year before the act's name (real excerpts).
		{"It implements Section 889 of the 2019 National Defense Authorization Act today.", "Section 889 of the 2019 National Defense Authorization Act"},
		{"They were named under Section 1237 of the FY 1999 National Defense Authorization Act (FY99 NDAA).", "Section 1237 of the FY 1999 National Defense Authorization Act"},
		// The act as 法案, with "의" (of) before the provision, or by its
		// Hindi name (real excerpts).
		{"《国防授权法案》第889条要求联邦政府机构不得采购。", "《国防授权法案》第889条"},
		{"이번 목록은 2021 회계연도 국방수권법(NDAA)의 1260H 조항에 근거한다.", "2021 회계연도 국방수권법(NDAA)의 1260H 조항"},
		{"यह फैसला राष्ट्रीय रक्षा प्राधिकरण अधिनियम की धारा 1237 के अनुसार है।", "राष्ट्रीय रक्षा प्राधिकरण अधिनियम की धारा 1237"},
	}
	for _, tt := range tests {
		checkOneMention(t, d, tt.text, tt.want)
	}
}

// TestFindRealExcerptRulesReviewed pins what a review of the rules built
// from real excerpts found (December 2026, eighth pass): a black list beside
// another country's commerce ministry, a place in parentheses taken for the
// party's short name, the word for list near any law's section, a
// parenthesis in the text's own script taken for a gloss, and names that
// are also other words.
func TestFindRealExcerptRulesReviewed(t *testing.T) {
	d := realDataset(t)
	checkFinds(t, d, []findCase{
		{"another country's commerce ministry", "أعلنت وزارة التجارة السعودية إدراج 15 متجرا إلكترونيا في القائمة السوداء.", nil},
		{"China's own list", "أضافت وزارة التجارة الصينية شركات أمريكية إلى القائمة السوداء.", nil},
		{"a place in parentheses is not the party's short name", "ComNet is a network firm in Paris.", nil},
		{"any law's section near the word for list", "La sección 805 del Código Civil establece una lista de requisitos.", nil},
		{"a parenthesis in Chinese is no gloss", "华为被列入“中国军事企业”（华为、中兴通讯）名单",
			[]found{{"huawei", "华为"}, {"huawei", "华为"}, {"zte", "中兴通讯"}}},
		{"a parenthesis in Chinese between act and section", "依《国防授权法》(华为和中兴的禁令)第889条",
			[]found{{"huawei", "华为"}, {"zte", "中兴"}, {"ndaa-889", "第889条"}}},
		{"Baidu's Shijiazhuang branch", "百度石家庄分公司今天成立", []found{{"baidu", "百度"}}},
		{"a CMC list in pharmaceuticals", "The Chinese CDMO sent the FDA a CMC list of open questions on chemistry, manufacturing and controls.", nil},
		{"a Taiwanese institute named like Dahua", "他畢業於大華技術學院。", nil},
		{"a listed name's short form after a comma", "Poly Asia Pacific Ltd., (PAPL) was added.",
			[]found{{"poly-asia-pacific-ltd-papl", "Poly Asia Pacific Ltd."}, {"poly-asia-pacific-ltd-papl", "PAPL"}}},
	})
}

// TestFindRealExcerptsTenthRound pins the kinds the tenth round of real
// excerpts found missed or mismarked (December 2026); the sentences are
// written here, of the same kinds.
func TestFindRealExcerptsTenthRound(t *testing.T) {
	d := realDataset(t)
	checkFinds(t, d, []findCase{
		{"a German word for company before a name in its own words", "Der Index strich die Unternehmen China Railway Construction und CRRC.",
			[]found{{"crcc", "China Railway Construction"}, {"crrc", "CRRC"}}},
		{"a generic list phrase written as a proper name", "Die Regierung prüft die Lista de Entidades, schrieb die Zeitung aus Madrid.",
			[]found{{"entity-list", "Lista de Entidades"}}},
		{"the same phrase in lower case needs its context", "La lista de entidades participantes se publicará el lunes.", nil},
		{"a listed name without the article it is printed with", "Pilots trained at the Test Flying Academy of South Africa last year.",
			[]found{{"the-test-flying-academy-of-south-africa", "Test Flying Academy of South Africa"}}},
		{"an ideographic enumeration with one unlisted company", "議員點名了DeepSeek、小米與京東方。",
			[]found{{"xiaomi", "小米"}, {"boe", "京東方"}}},
		{"millet beside grains stays millet", "小米、玉米與大豆的價格上漲。", nil},
		{"a brand in lower case amid Arabic", "تصنع شركتان في الصين dahua وشركة Hikvision كاميرات المراقبة.",
			[]found{{"dahua", "dahua"}, {"hikvision", "Hikvision"}}},
		{"a brand with a small first letter, misspelled", "Analysts named Megvii and iFytek among the firms added.",
			[]found{{"megvii", "Megvii"}, {"iflytek", "iFytek"}}},
		{"a Hindi legal form is part of the gloss", "बैटरी निर्माता कंटेम्पररी एम्परेक्स टेक्नोलॉजी कंपनी लिमिटेड (CATL) ने कहा",
			[]found{{"catl", "कंटेम्पररी एम्परेक्स टेक्नोलॉजी कंपनी लिमिटेड"}, {"catl", "CATL"}}},
		{"a Hindi legal form alone glosses nothing", "यह कंपनी लिमिटेड (CATL) है", []found{{"catl", "CATL"}}},
		{"a Hindi postposition ends the gloss", "चीन की सेंसटाइम (SenseTime) ने कहा",
			[]found{{"sensetime", "सेंसटाइम"}, {"sensetime", "SenseTime"}}},
		// Sections with their acts as lawyers in each language write them.
		{"the act's short form and the year's in parentheses", "Under section 889(a)(1)(A) of the National Defense Authorization Act (NDAA) for Fiscal Year (FY) 2019, agencies may not buy them.",
			[]found{{"ndaa-889", "section 889(a)(1)(A) of the National Defense Authorization Act (NDAA) for Fiscal Year (FY) 2019"}}},
		{"a Korean act's name in quotes", "이 명단은 ‘2021년 국방수권법’ 제1260H조에 근거한다.",
			[]found{{"ndaa-1260h", "2021년 국방수권법’ 제1260H조"}}},
		{"the country between the year and the act", "2019年度米国国防権限法 第889条の規則が出た。",
			[]found{{"ndaa-889", "2019年度米国国防権限法 第889条"}}},
		{"the country without a year is not the act's", "화웨이는 미국 국방수권법 889조로 배제됐다.",
			[]found{{"huawei", "화웨이"}, {"ndaa-889", "국방수권법 889조"}}},
		{"the year before the book-title brackets", "国防部依据1999财年《国防授权法》第1237条公布名单。",
			[]found{{"ndaa-1237", "1999财年《国防授权法》第1237条"}}},
		{"a French name of the act", "Selon la section 1237 de la loi sur l'autorisation de la défense nationale, le Pentagone publie la liste.",
			[]found{{"ndaa-1237", "section 1237 de la loi sur l'autorisation de la défense nationale"}}},
		{"a German name of the act", "Die Liste beruht auf Abschnitt 1237 des Nationalen Verteidigungsgenehmigungsgesetzes von 1999.",
			[]found{{"ndaa-1237", "Abschnitt 1237 des Nationalen Verteidigungsgenehmigungsgesetzes"}}},
		// Lists named by their number and by their owners.
		{"a list's number, a space, a word for list", "該公司未被列入 1260H 名單。", []found{{"1260h", "1260H 名單"}}},
		{"a quote before a word for list is no number", "公司被列入“共产党中国军事公司”清单。", nil},
		{"a gloss inside the quotes", "国防部将多家公司列入“中国军事企业(Chinese Military Companies)”清单。",
			[]found{{"1260h", "“中国军事企业(Chinese Military Companies)”清单"}}},
		{"the FCC's covered list in Arabic", "أضيفت الطائرات إلى القائمة المغطاة للجنة الاتصالات الفيدرالية أمس.",
			[]found{{"fcc-covered", "القائمة المغطاة للجنة الاتصالات الفيدرالية"}}},
		{"an Arabic agency made American", "تضم قائمة كيانات وزارة التجارة الأمريكية شركات صينية مثل هواوي.",
			[]found{{"entity-list", "قائمة كيانات وزارة التجارة الأمريكية"}, {"huawei", "هواوي"}}},
		{"a Persian black list and its government", "هواوی در فهرست سیاه وزارت بازرگانی دولت آمریکا قرار گرفت.",
			[]found{{"huawei", "هواوی"}, {"entity-list", "فهرست سیاه وزارت بازرگانی دولت آمریکا"}}},
		{"a Russian black list beside the Defense Ministry is not the Entity List", "Министерство обороны США внесло компанию в чёрный список.", nil},
		// Names in other scripts with the place and the form around them.
		{"an Arabic name with its place and form", "وتشمل القائمة هانغتشو هيكفيجن ديجيتال تكنولوجي وغيرها.",
			[]found{{"hikvision", "هانغتشو هيكفيجن ديجيتال تكنولوجي"}}},
		{"an Arabic abbreviated legal form", "دفعت شركة زد تي اي كورب غرامة كبيرة.", []found{{"zte", "زد تي اي كورب"}}},
		{"a Hindi name with its place and form", "सूची में हांग्जो हिकविज़न डिजीटल कार्पोरशन शामिल है।",
			[]found{{"hikvision", "हांग्जो हिकविज़न डिजीटल कार्पोरशन"}}},
		{"a place alone before a brand stays out", "ذهب إلى هانغتشو هيكفيجن أمس.", []found{{"hikvision", "هيكفيجن"}}},
		{"a Korean name before the particle for or", "미국은 화웨이나 그 계열사에 칩을 팔지 못하게 했다.", []found{{"huawei", "화웨이"}}},
		{"the act's short form with no year after it", "Section 889(a)(1)(B) of the FY19 National Defense Authorization Act (NDAA) applies from August.",
			[]found{{"ndaa-889", "Section 889(a)(1)(B) of the FY19 National Defense Authorization Act"}}},
		{"an order's number alone beside another order", "Executive Order 14032 replaced most of it; 13959, signed in 2020, still stands.",
			[]found{{"eo-14032", "Executive Order 14032"}, {"eo-13959", "13959"}}},
		{"a number alone with no order near", "The plant shipped 13959 units last year.", nil},
		{"a count beside an order", "After Executive Order 14032 was signed, the plant shipped 13959 units.",
			[]found{{"eo-14032", "Executive Order 14032"}}},
		{"a list known by its law's section", "The lawmakers asked to update a list known as Section 1260H this year.",
			[]found{{"1260h", "Section 1260H"}}},
		// The eleventh round.
		{"a Chinese list phrase in quotes before the list's name", "新规还参考FCC的“受限名单”(Covered List)。",
			[]found{{"fcc-covered", "受限名单"}, {"fcc-covered", "Covered List"}}},
		{"the same in corner brackets", "依據FCC的「受限名單」(Covered List)辦理。",
			[]found{{"fcc-covered", "受限名單"}, {"fcc-covered", "Covered List"}}},
		{"an order's number after No. without a space", "Under Executive Order No.13959, the ban applies.",
			[]found{{"eo-13959", "Executive Order No.13959"}}},
		{"a number after a full stop is no order's", "Release 4.13959 fixed it.", nil},
		{"the annual act and its year after for", "Section 889 of the annual National Defense Authorization Act (NDAA) for 2019 bans it.",
			[]found{{"ndaa-889", "Section 889 of the annual National Defense Authorization Act (NDAA) for 2019"}}},
		{"the act as a bill in Korean", "구매를 금지한 국방수권법안 889조가 시행됐다.", []found{{"ndaa-889", "국방수권법안 889조"}}},
		{"CCMC before a Chinese word for list", "美国国防部随后取消了CCMC清单。", []found{{"ccmc-1237", "CCMC清单"}}},
		// What a review of these rules found (December 2026).
		{"a capitalized phrase that goes on as another title", "Consulte la Lista de Entidades Financieras Supervisadas por la CNBV.", nil},
		{"the Unverified List capitalized", "Voir la Liste des Entités Non Vérifiées du BIS.", nil},
		{"a consumer body's black list", "O Procon divulgou a Lista Negra do Comércio Eletrônico hoje.", nil},
		{"a Japanese clause comma", "昨年、高云とファーウェイの幹部が会談した。", []found{{"huawei", "ファーウェイ"}}},
		{"a Chinese list of people", "华为与高云、李娜等人签约。", []found{{"huawei", "华为"}}},
		{"a place as a prepositional phrase in Arabic", "افتتحت في شنغهاي ووشي أبتيك مختبرا جديدا.", []found{{"wuxi-apptec", "ووشي أبتيك"}}},
		{"中微 inside other words", "美国公布新名单，其中微软和苹果都不在其列。", nil},
		{"高云 in an idiom", "秋日天高云淡，芯片展会开幕。", nil},
		{"Chinese ships", "伊朗石油制裁：美国将多艘中国船舶列入黑名单。", nil},
		{"a researcher's list of entities in Japanese", "米国の研究者は実体リストを作成した。", nil},
		{"a long name with one word in lower case", "The list includes China academy of Launch Vehicle Technology (CALT).",
			[]found{{"calt", "China academy of Launch Vehicle Technology"}, {"calt", "CALT"}}},
		{"its first word in lower case is no name", "the china Academy of Launch Vehicle Technology tests", nil},
		{"the country inside the act's brackets", "依据2019财年《美国国防授权法》第889条办理。",
			[]found{{"ndaa-889", "2019财年《美国国防授权法》第889条"}}},
		{"the year joined to the act by の", "2019年度の国防権限法第889条により禁止された。",
			[]found{{"ndaa-889", "2019年度の国防権限法第889条"}}},
		{"a Korean form joined by a middle dot", "중국의 전자 상거래 대기업 알리바바·그룹이 명단에 올랐다.", []found{{"alibaba", "알리바바·그룹"}}},
		{"two Korean names joined by a middle dot", "화웨이·ZTE 제품을 금지했다.", []found{{"huawei", "화웨이"}, {"zte", "ZTE"}}},
		// Ordinary phrases holding a name (not-names).
		{"a Chinese telecom company said of Huawei", "盟邦被要求不用中國電信商華為的設備。", []found{{"huawei", "華為"}}},
		{"Chinese telecom equipment", "這家中國電訊設備製造商受到制裁。", nil},
		{"another company's nickname", "海能達素有「小華為」之稱。", []found{{"hytera", "海能達"}}},
		{"a line of classical verse", "众里寻他千百度，蓦然回首。", nil},
		{"the founder in Persian", "اوژن کاسپرسکی این اتهامات را رد کرد.", nil},
		{"Taiwan's own list under its Trade Act", "實體名單是依貿易法第13條授權訂定。", nil},
		{"an Arabic list of entities suspected of", "أدرجت الوزارة الشركات في قائمة الكيانات المشتبه بدعمها للجيش.", nil},
		{"the so-called Entity List that restricts", "تدرس وزارة التجارة إضافة الشركة إلى ما يسمى بقائمة الكيانات التي تقيد الوصول إلى التكنولوجيا الأمريكية.",
			[]found{{"entity-list", "قائمة الكيانات"}}},
	})
}

// TestFindSectionWithActReviewed pins what a review of the act rule found
// (December 2026): a bare list number takes no act, an act in quotes is
// not part of the section, and "section N" or "§ N" of another law is no
// mention however many defence or contractor words stand near.
func TestFindSectionWithActReviewed(t *testing.T) {
	d := realDataset(t)
	checkFinds(t, d, []findCase{
		{"the list's number", "Huawei was put on the list under 1260H of the National Defense Authorization Act.",
			[]found{{"huawei", "Huawei"}, {"1260h", "1260H"}}},
		{"an act in quotes", `Section 889 of the "National Defense Authorization Act" bans Huawei.`,
			[]found{{"ndaa-889", "Section 889"}, {"huawei", "Huawei"}}},
		{"a civil code", "The defense argued that § 889 of the Civil Code barred the claim.", nil},
		{"the U.S. Code", "Under 41 U.S.C. § 889, federal agencies must publish the notice.", nil},
		{"a tax form", "A section 889 tax form is due for federal contractors by April.", nil},
		{"a tax code", "Under § 805 of the tax code, a Pentagon supplier may deduct its costs.", nil},
		// Another year's act has a section of that number of its own.
		{"another fiscal year after", "Section 1237 of the National Defense Authorization Act for Fiscal Year 2025 is a different provision.", nil},
		{"another fiscal year before", "根据《2025财年国防授权法》第889条，另有规定。", nil},
		{"its own fiscal year", "Section 1237 of the Strom Thurmond National Defense Authorization Act for Fiscal Year 1999 set up the list.",
			[]found{{"ndaa-1237", "Section 1237 of the Strom Thurmond National Defense Authorization Act for Fiscal Year 1999"}}},
	})
}

// TestFindPlaceAfterName: the press moves a listed name's city or province
// after it (blind part 5); the place is part of the mention only where, put
// back in front, it makes a name of the same party.
func TestFindPlaceAfterName(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"of", "Cameras by Hikvision Digital Technology of Hangzhou were removed.", []found{{"hikvision", "Hikvision Digital Technology of Hangzhou"}}},
		{"de", "La lista incluye a Jingjia Microelectronics de Changsha.", []found{{"changsha-jingjia-microelectronics", "Jingjia Microelectronics de Changsha"}}},
		{"two words", "Hulls come from First Machinery Group of Inner Mongolia.", []found{{"inner-mongolia-first-machinery", "First Machinery Group of Inner Mongolia"}}},
		{"a place that is not the name's", "Dahua Technology of Shenzhen is a different firm.", []found{{"dahua", "Dahua Technology"}}},
		{"no place", "Huawei of China said so.", []found{{"huawei", "Huawei"}}},
	}
	checkFinds(t, d, tests)
}

// TestFindLowerCaseAmidOtherScript: in text of a script without capitals, a
// brand's Latin letters in lower case are the brand (forum posts in blind
// parts 4 and 5); in Latin text they still need vouching.
func TestFindLowerCaseAmidOtherScript(t *testing.T) {
	d := realDataset(t)
	for _, tt := range []struct{ text, want string }{
		{"قال إن طائرة dji الجديدة لا تعمل.", "dji"},
		{"क्या मेरा dji का ड्रोन बंद होगा?", "dji"},
		{"听说smic又被加进名单了。", "smic"},
		{"이 zte 폰은 아직 쓸 만하다.", "zte"},
	} {
		checkOneMention(t, d, tt.text, tt.want)
	}
	if got := findAll(d, "my old dji drone still flies"); len(got) != 0 {
		t.Errorf("lower case in Latin text, alone: got %v, want nothing", got)
	}
}

// TestFindEnumeration: a short name that needs context is a listed party's
// in a list of companies beside another listed party (blind part 5), not
// alone.
func TestFindEnumeration(t *testing.T) {
	d := realDataset(t)
	got := findAll(d, "AVIC, COMAC and AECC together employ more than 400,000 people.")
	want := []found{{"avic", "AVIC"}, {"comac", "COMAC"}, {"aecc", "AECC"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("in a list: got %v, want %v", got, want)
	}
	if got := findAll(d, "AECC said on Monday it would expand."); len(got) != 0 {
		t.Errorf("alone: got %v, want nothing", got)
	}
}

// TestFindPermuted: a long name's words in another order are the name,
// near another candidate (blind part 5's word-order kind); a name written
// with its legal form needs a form in the text too.
func TestFindPermuted(t *testing.T) {
	d := realDataset(t)
	tests := []findCase{
		{"two words swapped", "The fund Beijing Zhongguancun Investment Development Center is on the 1260H list.",
			[]found{{"zhongguancun-development-investment-center", "Beijing Zhongguancun Investment Development Center"}, {"1260h", "1260H list"}}},
		{"words around & swapped, with a form", "Huawei Holding & Investment Co. owns the group, which is on the Entity List.",
			[]found{{"huawei", "Huawei Holding & Investment Co."}, {"entity-list", "Entity List"}}},
		{"the head noun moved", "The China Launch Vehicle Technology Academy is on the 1260H list.",
			[]found{{"calt", "China Launch Vehicle Technology Academy"}, {"1260h", "1260H list"}}},
		{"alone", "The China Launch Vehicle Technology Academy built the engines.", nil},
	}
	checkFinds(t, d, tests)
}

// TestFindReviewedFalseMarks: false marks and misses a review of this pass's
// rules found (docs/matching.md §19), each of a kind.
func TestFindReviewedFalseMarks(t *testing.T) {
	d := realDataset(t)
	for _, tt := range []struct {
		text string
		want []found
	}{
		// A translated description that fits many companies needs another name near.
		{"Крупная китайская государственная строительная компания выиграла тендер.", nil},
		{"चीनी रेलवे निर्माण कंपनी ने काम शुरू किया।", nil},
		{"وقعت شركة نووية صينية عام 2019 اتفاقا.", nil}, // عام is "year" here
		// Two names and a comma are no list of companies.
		{"For the CSU, Huawei remains a security risk.", []found{{"huawei", "Huawei"}}},
		{"Huawei, CSC and Accenture bid for the contract.", []found{{"huawei", "Huawei"}}},
		// A reordered name of ordinary words is anyone's.
		{"The Electronics Technology Research Institute of Korea met Huawei.", []found{{"huawei", "Huawei"}}},
		// The Entity List's context, as words: "BIS" in capitals, no "chine" in "machine".
		{"BIS is expected to expand the Entity List next week.", []found{{"entity-list", "Entity List"}}},
		{"The ORM builds the Entity List from the state machine.", nil},
		// A lower-case acronym still to be vouched for vouches for nothing.
		{"La Corporación de la Industria de la Aviación de China firmó con avic un acuerdo.", nil},
	} {
		if got := findAll(d, tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// checkOneMention: Find returns one mention in text, written want.
func checkOneMention(t *testing.T, d *engine.Dataset, text, want string) {
	t.Helper()
	if got := findAll(d, text); len(got) != 1 || got[0].Text != want {
		t.Errorf("Find(%q) = %v, want %q", text, got, want)
	}
}

// findCase is a text and the mentions Find must return for it.
type findCase struct {
	name, text string
	want       []found
}

// checkFinds runs Find on each case's text, as a subtest.
func checkFinds(t *testing.T, d *engine.Dataset, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findAll(d, tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
