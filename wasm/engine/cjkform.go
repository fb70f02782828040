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
