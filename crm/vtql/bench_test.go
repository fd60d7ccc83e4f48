package vtql

import "testing"

const typicalQuery = "SELECT accountname, website, modifiedtime FROM Accounts " +
	"WHERE accountname LIKE 'Acme%' AND (employees > 10 OR id IN ('11x42', '11x43')) " +
	"ORDER BY modifiedtime DESC LIMIT 0, 50;"

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(typicalQuery); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWhereSQL(b *testing.B) {
	q, err := Parse(typicalQuery)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := q.WhereSQL(testResolver); err != nil {
			b.Fatal(err)
		}
	}
}
