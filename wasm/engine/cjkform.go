package engine

// The Chinese press writes a company's name with the words of its legal
// name after it: "华为技术有限公司", "杭州海康威视数字技术股份有限公司",
// "騰訊控股有限公司", "海思半導體", "禾賽科技". The mention runs over those
// words, as a Latin name runs over "Co., Ltd." (legalFormEnd). Only words
// that describe a company count, so "华为手机" stays "华为"; a place in
// parentheses does not, as it names another company ("達闥科技(香港)")
// (blind-labelled excerpts in Chinese, December 2026).

// cjkFormWords are those words, in simplified and traditional characters
// (the text is folded, han.go, but not every traditional character is).
var cjkFormWords = func() [][]rune {
	var out [][]rune
	for _, w := range [...]string{"技术", "技術", "科技", "控股", "集团", "集團", "股份", "有限", "责任", "責任", "公司",
		"总公司", "總公司", "电子", "電子", "通讯", "通訊", "通信", "信息", "资讯", "資訊", "数字", "數字", "智能",
		"半导体", "半導體", "开发", "開發", "国际", "國際", "实业", "實業", "网络", "網絡", "網路", "工业", "工業",
		"装备", "裝備", "微电子", "微電子", "系统", "系統", "软件", "軟件", "軟體", "设备", "設備", "制造", "製造",
		"光电", "光電", "仪器", "儀器", "材料", "集成电路", "集成電路", "新能源", "实验室", "實驗室", "(集团)", "(集團)"} {
		f, _ := NormalizeName(w)
		out = append(out, f)
	}
	return out
}()

// cjkFormEnd returns where the company words after a name ending at b in
// folded text end, or b.
func cjkFormEnd(f []rune, b int) int {
	end := b
	for {
		best := 0
		for _, w := range cjkFormWords {
			if n := len(w); n > best && end+n <= len(f) && runesEqual(f[end:end+n], w) {
				best = n
			}
		}
		if best == 0 {
			return end
		}
		end += best
	}
}

// The press of other scripts writes the legal form after a transliterated
// name in its own letters: "زد تي إي كوربوريشن", "تشاينا موبايل ليمتد",
// "मोबाइल लिमिटेड", "화웨이테크놀로지스", "カスペルスキー・ラボ". The
// mention runs over them too (second blind-labelled corpus, December 2026).
// Korean and Japanese attach them to the name, or put a space or a middle
// dot between; the other scripts put a space.

// scriptFormWords are those words, folded.
var scriptFormWords = func() [][]rune {
	var out [][]rune
	for _, w := range [...]string{
		"كوربوريشن", "كوربوريشين", "كوربريشن", "كورپوریشن", "کرپوریشن", "ليمتد", "ليميتد", "لیمیتد", "المحدودة",
		"القابضة", "تكنولوجيز", "تكنولوجي", "تکنولوژیز", "تکنولوژی", "جروب", "غروب", "گروپ", "هولدينغ", "هولدينغز",
		"هولدينجز", "هلدینگ", "هولدینگ",
		"कॉर्पोरेशन", "कॉरपोरेशन", "कॉर्प", "लिमिटेड", "ग्रुप", "होल्डिंग", "होल्डिंग्स", "टेक्नोलॉजी", "टेक्नोलॉजीज",
		"टेक्नोलॉजिज", "कंपनी", "इंक",
		"Групп", "Корпорейшн", "Корпорэйшн", "Текнолоджиз", "Холдингс", "Лимитед",
		"테크놀로지스", "테크놀로지", "그룹", "홀딩스", "코퍼레이션", "코포레이션", "랩", "인터내셔널", "일렉트로닉스",
		"テクノロジーズ", "テクノロジー", "ホールディングス", "グループ", "ラボ", "コーポレーション", "インターナショナル",
		"エレクトロニクス", "ロボティクス", "シッピング"} {
		f, _ := NormalizeName(w)
		out = append(out, f)
	}
	return out
}()

// scriptFormEnd returns where the legal-form words after a name ending at
// b in folded text end, or b.
func scriptFormEnd(f []rune, b int) int {
	end := b
	for {
		i := end
		if i < len(f) && (f[i] == ' ' || f[i] == '・') {
			i++
		}
		best := 0
		for _, w := range scriptFormWords {
			n := len(w)
			if n <= best || i+n > len(f) || !runesEqual(f[i:i+n], w) {
				continue
			}
			attachable := isHangul(w[0]) || isKatakana(w[0])
			if i == end && !attachable || i > end && f[end] == '・' && !isKatakana(w[0]) {
				continue // a space before the form where the script wants one
			}
			if k := i + n; k < len(f) && isWordRune(f[k]) && !(isHangul(f[k]) && koreanParticle(f[k])) && !isCJK(f[k]) && !isKatakana(f[k]) ||
				k < len(f) && isKatakana(w[n-1]) && isKatakana(f[k]) {
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
