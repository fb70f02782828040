package engine

// MaxText is the longest text, in bytes or UTF-16 units, that factcard
// checks in one call. Matching keeps about 18 bytes of working memory per
// byte of text, so this bounds one call near 300 MB; a news article is a few
// hundred KB at most. Longer input is refused with an error that says so.
const MaxText = 16 << 20

// MinYear and MaxYear bound the years of the dates factcard reads: wider
// than any date of these lists or of an article about them, narrow enough
// that a typo ("0201-02-10") is refused rather than read.
const MinYear, MaxYear = 1900, 2200
