package engine_test

import "testing"

// BenchmarkCard renders the card of every company with a listing, on an
// article date and as of the dataset's date: the work behind one report of
// a long article, or a reader hovering every mark.
func BenchmarkCard(b *testing.B) {
	d := realDataset(b)
	date := day(b, "2021-02-10")
	var companies []int32
	for i, e := range d.Entities {
		if len(e.Entries) > 0 {
			companies = append(companies, int32(i))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range companies {
			d.Card(e, date)
		}
	}
	b.ReportMetric(float64(len(companies)), "cards/op")
}
