package engine

import "slices"

// The Chinese press writes a company's name with the words of its legal
// name after it: "华为技术有限公司", "杭州海康威视数字技术股份有限公司",
// "騰訊控股有限公司", "海思半導體", "禾賽科技". The mention runs over those
// words, as a Latin name runs over "Co., Ltd." (legalFormEnd). Only words
// that describe a company count, so "华为手机" stays "华为"; a place in
// parentheses does not, as it names another company ("達闥科技(香港)")
// (blind-labelled excerpts in Chinese, December 2026).

// cjkFormWords are those words, in simplified and traditional characters
// (the text is folded, han.go, but not every traditional character is).
var cjkFormWords = foldedNames("技术", "技術", "科技", "控股", "集团", "集團", "股份", "有限", "责任", "責任", "公司",
	"总公司", "總公司", "电子", "電子", "通讯", "通訊", "通信", "信息", "资讯", "資訊", "数字", "數字", "智能",
	"半导体", "半導體", "开发", "開發", "国际", "國際", "实业", "實業", "网络", "網絡", "網路", "工业", "工業",
	"装备", "裝備", "微电子", "微電子", "系统", "系統", "软件", "軟件", "軟體", "设备", "設備", "制造", "製造",
	"光电", "光電", "仪器", "儀器", "材料", "集成电路", "集成電路", "新能源", "实验室", "實驗室", "(集团)", "(集團)",
	"投资", "投資")

// cjkFormEnd returns where the company words after a name ending at b in
// folded text end, or b. A place in parentheses inside a legal name belongs
// to it ("中国联合网络通信(香港)股份有限公司", "合盛硅业(鄯善)有限公司"), and so
// does a known place in parentheses after a name ("中国联通(香港)", the
// listed China Unicom (Hong Kong) Limited): the labellers of all three
// blind parts marked them so (docs/matching.md §17).
func cjkFormEnd(f []rune, b int) int {
	end := cjkFormWordsEnd(f, b)
	if closed := cjkParenEnd(f, end); closed > 0 {
		if e := cjkFormWordsEnd(f, closed); e > closed {
			return e
		}
		if slices.ContainsFunc(cjkPlaces, func(p []rune) bool { return runesEqual(f[end+1:closed-1], p) }) {
			return closed
		}
	}
	return end
}

// companyWordAlone reports whether the company words [b, end) of folded
// text are "公司" (company) alone, which after a short name ("比亚迪公司",
// "中芯國際公司", BYD and SMIC "the company") is the word, not a legal form,
// as the labellers of the real excerpts (December 2026) marked it; after a
// translated name it ends it ("中國國家造船公司", "太平洋网络公司").
func companyWordAlone(f []rune, a, b, end int) bool {
	return b-a <= 4 && end == b+2 && runesEqualString(f[b:end], "公司") && cjkParenEnd(f, end) == 0
}

// cjkParenEnd returns where a parenthesis of one to six Han characters at i
// in folded text (full-width parentheses fold to ASCII) ends, or 0.
func cjkParenEnd(f []rune, i int) int {
	if i >= len(f) || f[i] != '(' {
		return 0
	}
	for k := i + 1; k < len(f) && k <= i+7; k++ {
		switch {
		case f[k] == ')' && k > i+1:
			return k + 1
		case !isHan(f[k]): // kana or Hangul: a gloss, not a place
			return 0
		}
	}
	return 0
}

// cjkLegalWords are the words that make a run of company words a legal name:
// a name the dataset gives only with a legal form (a Chinese name written
// without its 集团 or 有限公司, data/variants.go) needs one of them or a
// place in parentheses after it.
var cjkLegalWords = foldedNames("公司", "集团", "集團", "股份", "有限", "控股", ")")

// cjkLegalFormWithin reports whether the company words [b, end) of folded
// text hold a legal word.
func cjkLegalFormWithin(f []rune, b, end int) bool {
	for i := b; i < end; i++ {
		for _, w := range cjkLegalWords {
			if i+len(w) <= end && runesEqual(f[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// cjkFormWordsEnd returns where the company words after b end, or b.
func cjkFormWordsEnd(f []rune, b int) int {
	end := b
	for {
		best := cjkFormWordAt(f, end)
		if best == 0 {
			return end
		}
		// A product word (设备, equipment; 系统, systems) is the company's
		// only inside its legal name, with another of the words or a
		// parenthesis after it: "中微半导体设备(上海)股份有限公司", but
		// "禁止采购华为设备" is Huawei's equipment.
		if w := f[end : end+best]; slices.ContainsFunc(cjkProductWords, func(p []rune) bool { return runesEqual(w, p) }) {
			next := end + best
			if next >= len(f) || cjkFormWordAt(f, next) == 0 && f[next] != '(' && f[next] != '（' {
				return end
			}
		}
		end += best
	}
}

// cjkFormWordAt returns the length of the longest of cjkFormWords at i of
// f, or 0.
func cjkFormWordAt(f []rune, i int) int {
	best := 0
	for _, w := range cjkFormWords {
		if n := len(w); n > best && i+n <= len(f) && runesEqual(f[i:i+n], w) {
			best = n
		}
	}
	return best
}

// cjkProductWords are the words of cjkFormWords that also name what a
// company makes.
var cjkProductWords = foldedNames("设备", "設備", "系统", "系統", "软件", "軟件", "軟體", "材料", "仪器", "儀器", "装备", "裝備")

// The press of other scripts writes the legal form after a transliterated
// name in its own letters: "زد تي إي كوربوريشن", "تشاينا موبايل ليمتد",
// "मोबाइल लिमिटेड", "화웨이테크놀로지스", "カスペルスキー・ラボ". The
// mention runs over them too (second blind-labelled corpus, December 2026).
// Korean and Japanese attach them to the name, or put a space or a middle
// dot between; the other scripts put a space.

// scriptFormWords are those words, folded.
var scriptFormWords = foldedNames(
	"كوربوريشن", "كوربوريشين", "كوربريشن", "كورپوریشن", "کرپوریشن", "ليمتد", "ليميتد", "لیمیتد", "المحدودة",
	"القابضة", "تكنولوجيز", "تكنولوجي", "تکنولوژیز", "تکنولوژی", "جروب", "غروب", "گروپ", "هولدينغ", "هولدينغز",
	"هولدينجز", "هلدینگ", "هولدینگ", "لاب", "شيبينغ", "شیپینگ", "با مسئولیت محدود", "با مسؤولیت محدود",
	// Real excerpts, December 2026: "زد تي اي كورب", "هيكفيجن ديجيتال
	// تكنولوجي", "हिकविज़न डिजीटल कार्पोरशन".
	"كورب", "ديجيتال", "डिजिटल", "डिजीटल", "कार्पोरेशन", "कार्पोरशन",
	"कॉर्पोरेशन", "कॉरपोरेशन", "कॉर्प", "लिमिटेड", "ग्रुप", "होल्डिंग", "होल्डिंग्स", "टेक्नोलॉजी", "टेक्नोलॉजीज",
	"टेक्नोलॉजिज", "कंपनी", "इंक", "समूह",
	"Групп", "Корпорейшн", "Корпорэйшн", "Текнолоджиз", "Холдингс", "Лимитед",
	"테크놀로지", "그룹", "홀딩스", "코퍼레이션", "코포레이션", "랩", "인터내셔널", "일렉트로닉스",
	"테크놀로지스", "유한공사", "고분유한공사", "커뮤니케이션즈", "커뮤니케이션스", "커뮤니케이션",
	"テクノロジーズ", "テクノロジー", "ホールディングス", "ホールディング", "グループ", "ラボ", "コーポレーション", "インターナショナル",
	"エレクトロニクス", "ロボティクス", "シッピング", "コミュニケーションズ",
	"كوميونيكيشنز", "كوميونيكيشن", "كومينكشين")

// scriptFormEnd returns where the legal-form words after a name ending at
// b in folded text end, or b. A word in parentheses followed by a form is
// part of the name ("चाइना यूनिकॉम (हांगकांग) लिमिटेड", China Unicom (Hong
// Kong) Limited; fourth blind-labelled part).
func scriptFormEnd(f []rune, b int) int {
	end := scriptFormWordsEnd(f, b)
	if end == b && b+1 < len(f) && f[b] == ' ' && f[b+1] == '(' {
		k := b + 2
		for k < len(f) && k-b < 20 && f[k] != ')' && f[k] != '(' {
			k++
		}
		if k < len(f) && f[k] == ')' && k > b+2 {
			if e := scriptFormWordsEnd(f, k+1); e > k+1 && !companyWordOnly(f, k+1, e) {
				return e
			}
		}
	}
	if companyWordOnly(f, b, end) {
		return b
	}
	return end
}

// scriptCompanyWord is "company" in Hindi: alone after a name it is the
// word ("सेमीकंडक्टर मैन्युफैक्चरिंग इंटरनेशनल कॉर्पोरेशन (SMIC) कंपनी", the
// company SMIC), as "公司" is in Chinese (companyWordAlone); before
// लिमिटेड it is part of the legal form ("कंपनी लिमिटेड", Co., Ltd.).
var scriptCompanyWord = []rune(foldedNames("कंपनी")[0])

// companyWordOnly reports whether the form words [b, end) of folded text are
// the company word alone.
func companyWordOnly(f []rune, b, end int) bool {
	if b < len(f) && f[b] == ' ' {
		b++
	}
	return end-b == len(scriptCompanyWord) && runesEqual(f[b:end], scriptCompanyWord)
}

// scriptFormWordsEnd returns where the legal-form words after b end, or b.
func scriptFormWordsEnd(f []rune, b int) int {
	end := b
	for {
		i := end
		// Korean may join the form with a middle dot too ("알리바바·그룹";
		// real excerpts, December 2026).
		if i < len(f) && (f[i] == ' ' || f[i] == '・' || f[i] == '·' && i > 0 && isHangul(f[i-1])) {
			i++
		}
		best := 0
		for _, w := range scriptFormWords {
			n := len(w)
			if n <= best || i+n > len(f) || !runesEqual(f[i:i+n], w) {
				continue
			}
			attachable := isHangul(w[0]) || isKatakana(w[0])
			if i == end && !attachable || i > end && f[end] == '・' && !isKatakana(w[0]) || i > end && f[end] == '·' && !isHangul(w[0]) {
				continue // a space before the form where the script wants one
			}
			// Inside a longer word, unless another form follows attached
			// ("테크놀로지그룹").
			if k := i + n; k < len(f) && (isWordRune(f[k]) || isHangul(f[k]) && !koreanParticle(f[k]) || isKatakana(w[n-1]) && isKatakana(f[k])) &&
				!slices.ContainsFunc(scriptFormWords, func(v []rune) bool { return k+len(v) <= len(f) && runesEqual(f[k:k+len(v)], v) }) {
				continue // inside a longer word
			}
			best = n
		}
		if best == 0 {
			return end
		}
		end = i + best
	}
}

// A Chinese company's full legal name starts with its city or province
// ("北京旷视科技有限公司", "厦门市美亚柏科信息股份有限公司"), which the press
// drops in short names. Where a mention runs to "公司", a place right
// before it is part of it.

// cjkPlaces are those places, folded, with 市 or 省 after them as written.
var cjkPlaces = foldedNames("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京", "武汉", "成都", "西安", "合肥",
	"厦门", "苏州", "无锡", "长沙", "青岛", "大连", "沈阳", "哈尔滨", "郑州", "济南", "福州", "宁波", "珠海", "东莞", "佛山",
	"昆明", "南昌", "长春", "太原", "石家庄", "贵阳", "兰州", "乌鲁木齐", "绵阳", "宁德", "常州", "南通", "扬州", "温州",
	"浙江", "江苏", "广东", "福建", "湖北", "湖南", "安徽", "四川", "山东", "河南", "河北", "陕西", "辽宁", "吉林",
	"黑龙江", "新疆", "江西", "山西", "云南", "贵州", "甘肃", "内蒙古", "广西", "香港",
	"廈門", "蘇州", "無錫", "長沙", "瀋陽", "鄭州", "濟南", "寧波", "東莞", "長春", "貴陽", "蘭州", "烏魯木齊", "綿陽",
	"寧德", "廣州", "廣東", "遼寧", "陝西", "黑龍江", "雲南", "貴州", "廣西", "溫州", "揚州", "重慶")

// scriptPlaces are the Chinese places the Arabic, Persian and Hindi press
// writes before a company's name with its form, folded: "هانغتشو هيكفيجن
// ديجيتال تكنولوجي", "हांग्जो हिकविज़न डिजीटल कार्पोरशन" (real excerpts,
// December 2026).
var scriptPlaces = foldedNames("هانغتشو", "هانغزو", "هانغجو", "هانجو", "هانگژو", "شنتشن", "شنجن", "شنژن", "تشجيانغ", "جيجيانغ",
	"ژجیانگ", "بكين", "بيجينغ", "پکن", "شنغهاي", "شانگهای", "هانگجو", "हांग्जो", "हांगझोउ", "हांगझू", "शेन्ज़ेन", "शेनझेन",
	"झेजियांग", "बीजिंग", "शंघाई")

// scriptPlaceBefore returns where a Chinese place before a name that ends
// in its form [a, end), in Arabic or Devanagari letters, starts, or a.
func scriptPlaceBefore(f []rune, a, end int) int {
	if a < 2 || f[a-1] != ' ' || !(isArabic(f[a]) || isDevanagari(f[a])) || !endsWithScriptForm(f[a:end]) {
		return a // "في شنغهاي ووشي أبتيك": in Shanghai, WuXi AppTec
	}
	for _, p := range scriptPlaces {
		if n := len(p); a-1-n >= 0 && runesEqual(f[a-1-n:a-1], p) && (a-1-n == 0 || !isWordRune(f[a-2-n])) {
			return a - 1 - n
		}
	}
	return a
}

// endsWithScriptForm: the name's last word is one of scriptFormWords (a
// legal form or a word of the trade, "تكنولوجي", "कार्पोरशन").
func endsWithScriptForm(name []rune) bool {
	k := len(name)
	for k > 0 && name[k-1] != ' ' {
		k--
	}
	return k > 0 && slices.ContainsFunc(scriptFormWords, func(w []rune) bool { return runesEqual(name[k:], w) })
}

// cjkPlaceBefore returns where the place before a legal name [a, end) of
// folded text starts, or a.
func cjkPlaceBefore(f []rune, a, end int) int {
	if end-a < 4 || !runesEqualString(f[end-2:end], "公司") {
		return a
	}
	at := a
	if at > 0 && (f[at-1] == '市' || f[at-1] == '省') {
		at--
	}
	for _, p := range cjkPlaces {
		if n := len(p); n > 1 && at-n >= 0 && runesEqual(f[at-n:at], p) {
			return at - n
		}
	}
	return a
}
