package crm

import (
	"strings"
	"testing"
)

func dec(s string) Decimal { return MustDecimal(s) }

func pct(s string) Discount { d := dec(s); return Discount{Percent: &d} }

func amt(s string) Discount { d := dec(s); return Discount{Amount: &d} }

func rate(id int, p string) TaxRate { return TaxRate{TaxID: id, Percent: dec(p)} }

// vtiger's seeded taxes: VAT 4.5, Sales 10, Service 12.5.
var seededRates = []TaxRate{rate(1, "4.5"), rate(2, "10"), rate(3, "12.5")}

// TestComputeTotals works vtiger's nine rules through documents computed
// by hand, in both tax modes.
func TestComputeTotals(t *testing.T) {
	tests := []struct {
		name string
		inv  Inventory
		// want are subtotal, overall discount, group tax, S&H tax and
		// total; nets are the lines' nets.
		want [5]string
		nets []string
	}{{
		// 3 × 19.99 = 59.97, 10 % = 5.997 → 6.00, net 53.97;
		// 2 × 125.50 = 251.00 − 11.00 = 240.00; subtotal 293.97;
		// 5 % = 14.6985 → 14.70; taxable 279.27 × (4.5 + 10 + 12.5) %
		// = 12.56715 + 27.927 + 34.90875 = 75.4029 → 75.40;
		// S&H 20 → 0.90 + 2.00 + 2.50 = 5.40; adjustment −3.50;
		// total 293.97 − 14.70 + 75.40 + 20 + 5.40 − 3.50 = 376.57.
		name: "group mode, percent discounts, S&H tax, negative adjustment",
		inv: Inventory{TaxMode: TaxGroup,
			Lines: []LineItem{
				{ProductID: 1, Quantity: dec("3"), ListPrice: dec("19.99"), Discount: pct("10")},
				{ProductID: 2, Quantity: dec("2"), ListPrice: dec("125.50"), Discount: amt("11")},
			},
			Discount: pct("5"), GroupTaxes: seededRates,
			ShippingAmount: dec("20"), ShippingTaxes: seededRates, Adjustment: dec("-3.50")},
		want: [5]string{"293.97", "14.70", "75.40", "5.40", "376.57"},
		nets: []string{"53.97", "240.00"},
	}, {
		// 1.5 × 10 = 15.00, taxes 0.675 → 0.68 and 1.50, net 17.18;
		// 4 × 2.345 = 9.38, 12.5 % = 1.1725 → 1.17, taxable 8.21,
		// 12.5 % = 1.02625 → 1.03, net 9.24; subtotal 26.42; a flat
		// 2.00 off that reduces no tax; S&H 7.99 × 10 % = 0.799 → 0.80;
		// total 26.42 − 2 + 7.99 + 0.80 − 0.005 = 33.205 → 33.21.
		name: "individual mode, amount discount, half a cent rounds up",
		inv: Inventory{TaxMode: TaxIndividual,
			Lines: []LineItem{
				{ProductID: 1, Quantity: dec("1.5"), ListPrice: dec("10"), Taxes: []TaxRate{rate(1, "4.5"), rate(2, "10")}},
				{ProductID: 2, Quantity: dec("4"), ListPrice: dec("2.345"), Discount: pct("12.5"), Taxes: []TaxRate{rate(3, "12.5")}},
			},
			Discount: amt("2"), GroupTaxes: seededRates, // ignored in individual mode
			ShippingAmount: dec("7.99"), ShippingTaxes: []TaxRate{rate(2, "10")}, Adjustment: dec("-0.005")},
		want: [5]string{"26.42", "2.00", "0.00", "0.80", "33.21"},
		nets: []string{"17.18", "9.24"},
	}, {
		// In individual mode the overall percentage comes off the
		// taxed subtotal: 100 + 10 % tax = 110; 10 % off = 11.00.
		name: "individual mode, overall percent after line taxes",
		inv: Inventory{TaxMode: TaxIndividual,
			Lines:    []LineItem{{ProductID: 1, Quantity: dec("1"), ListPrice: dec("100"), Taxes: []TaxRate{rate(2, "10")}}},
			Discount: pct("10")},
		want: [5]string{"110.00", "11.00", "0.00", "0.00", "99.00"},
		nets: []string{"110.00"},
	}, {
		// Group mode, same line: 100 − 10 % = 90, taxed 10 % = 9.
		name: "group mode, overall discount reduces the tax",
		inv: Inventory{TaxMode: TaxGroup,
			Lines:    []LineItem{{ProductID: 1, Quantity: dec("1"), ListPrice: dec("100"), Taxes: []TaxRate{rate(2, "10")}}},
			Discount: pct("10"), GroupTaxes: []TaxRate{rate(2, "10")}},
		want: [5]string{"100.00", "10.00", "9.00", "0.00", "99.00"},
		nets: []string{"100.00"},
	}, {
		// 0.05 × 50 % = 0.025 → 0.03: a line discount rounds half-up.
		name: "line discount rounds half-up",
		inv: Inventory{TaxMode: TaxGroup,
			Lines: []LineItem{{ProductID: 1, Quantity: dec("1"), ListPrice: dec("0.05"), Discount: pct("50")}}},
		want: [5]string{"0.02", "0.00", "0.00", "0.00", "0.02"},
		nets: []string{"0.02"},
	}, {
		// Group tax sums before rounding: 3 × 0.333 % of 1.00 =
		// 0.00333 × 3 = 0.00999 → 0.01, where rounding each would give 0.
		name: "group tax rounds the sum, not each tax",
		inv: Inventory{TaxMode: TaxGroup,
			Lines:      []LineItem{{ProductID: 1, Quantity: dec("1"), ListPrice: dec("1")}},
			GroupTaxes: []TaxRate{rate(1, "0.333"), rate(2, "0.333"), rate(3, "0.333")}},
		want: [5]string{"1.00", "0.00", "0.01", "0.00", "1.01"},
		nets: []string{"1.00"},
	}, {
		// A deduction bigger than the lines: −100.005 rounds away from
		// zero to −100.01.
		name: "negative total",
		inv: Inventory{TaxMode: TaxGroup,
			Lines:      []LineItem{{ProductID: 1, Quantity: dec("1"), ListPrice: dec("0")}},
			Adjustment: dec("-100.005")},
		want: [5]string{"0.00", "0.00", "0.00", "0.00", "-100.01"},
		nets: []string{"0.00"},
	}, {
		// 0.1 × 3 and friends, which floats get wrong: 0.1 + 0.2 lines.
		name: "no float drift",
		inv: Inventory{TaxMode: TaxGroup,
			Lines: []LineItem{
				{ProductID: 1, Quantity: dec("3"), ListPrice: dec("0.1")},
				{ProductID: 2, Quantity: dec("1"), ListPrice: dec("0.2")},
			},
			ShippingAmount: dec("1.005"), ShippingTaxes: []TaxRate{rate(1, "100")}},
		// 0.30 + 0.20 = 0.50; S&H 1.005 taxed 100 % = 1.005 → 1.01;
		// total 0.50 + 1.005 + 1.01 = 2.515 → 2.52.
		want: [5]string{"0.50", "0.00", "0.00", "1.01", "2.52"},
		nets: []string{"0.30", "0.20"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if errs := tc.inv.Validate(MaxLineItems); errs != nil {
				t.Fatalf("example is invalid: %v", errs)
			}
			got := ComputeTotals(&tc.inv)
			parts := [5]Decimal{got.Subtotal, got.Discount, got.GroupTax, got.ShippingTax, got.Total}
			names := [5]string{"subtotal", "discount", "group tax", "S&H tax", "total"}
			for i, p := range parts {
				if p.Fixed(2) != tc.want[i] {
					t.Errorf("%s = %s, want %s", names[i], p.Fixed(2), tc.want[i])
				}
			}
			if len(got.Lines) != len(tc.nets) {
				t.Fatalf("got %d line totals, want %d", len(got.Lines), len(tc.nets))
			}
			for i, n := range tc.nets {
				if g := got.Lines[i].Net.Fixed(2); g != n {
					t.Errorf("line %d net = %s, want %s", i+1, g, n)
				}
			}
		})
	}
}

// TestTotalsRounding pins Decimal's parsing and rounding.
func TestTotalsRounding(t *testing.T) {
	for _, tc := range []struct{ in, fixed2, str string }{
		{"2.345", "2.35", "2.345"}, {"-2.345", "-2.35", "-2.345"}, {"2.344999", "2.34", "2.344999"},
		{"0.005", "0.01", "0.005"}, {"-0.004", "0.00", "-0.004"}, {"12", "12.00", "12"}, {"+7.50", "7.50", "7.5"},
	} {
		d, err := ParseDecimal(tc.in)
		if err != nil {
			t.Fatalf("parse %q: %v", tc.in, err)
		}
		if got := d.Fixed(2); got != tc.fixed2 {
			t.Errorf("%s rounded = %s, want %s", tc.in, got, tc.fixed2)
		}
		if got := d.String(); got != tc.str {
			t.Errorf("%s as text = %s, want %s", tc.in, got, tc.str)
		}
	}
	for _, bad := range []string{"", ".", "1e3", "1/3", "1,000", "--1", "1.2.3", "abc", "+-1"} {
		if _, err := ParseDecimal(bad); err == nil {
			t.Errorf("ParseDecimal(%q) succeeded, want an error", bad)
		}
	}
}

// TestTotalsValidate checks what Validate refuses, keyed where forms
// show it.
func TestTotalsValidate(t *testing.T) {
	ok := func() Inventory {
		return Inventory{TaxMode: TaxGroup, Lines: []LineItem{{ProductID: 7, Quantity: dec("1"), ListPrice: dec("5")}}}
	}
	both := dec("1")
	tests := []struct {
		name   string
		change func(*Inventory)
		key    string
		msg    string
	}{
		{"no tax mode", func(i *Inventory) { i.TaxMode = "" }, InvTaxMode, "individual or group"},
		{"no lines", func(i *Inventory) { i.Lines = nil }, InvLines, "at least one"},
		{"too many lines", func(i *Inventory) {
			for range 3 {
				i.Lines = append(i.Lines, i.Lines[0])
			}
		}, InvLines, "at most 3 lines"},
		{"no product", func(i *Inventory) { i.Lines[0].ProductID = 0 }, LineField(1, LineProduct), "Choose"},
		{"zero quantity", func(i *Inventory) { i.Lines[0].Quantity = dec("0") }, LineField(1, LineQuantity), "more than 0"},
		{"negative quantity", func(i *Inventory) { i.Lines[0].Quantity = dec("-2") }, LineField(1, LineQuantity), "negative"},
		{"four decimals", func(i *Inventory) { i.Lines[0].Quantity = dec("1.0001") }, LineField(1, LineQuantity), "3 decimals"},
		{"negative price", func(i *Inventory) { i.Lines[0].ListPrice = dec("-1") }, LineField(1, LineListPrice), "negative"},
		{"both discounts", func(i *Inventory) { i.Lines[0].Discount = Discount{Percent: &both, Amount: &both} }, LineField(1, LineDiscount), "not both"},
		{"discount over 100%", func(i *Inventory) { i.Lines[0].Discount = pct("100.5") }, LineField(1, LineDiscount), "0 to 100"},
		{"long comment", func(i *Inventory) { i.Lines[0].Comment = strings.Repeat("x", 251) }, LineField(1, LineComment), "too long"},
		{"tax twice", func(i *Inventory) { i.Lines[0].Taxes = []TaxRate{rate(1, "4"), rate(1, "5")} }, LineField(1, LineTax), "twice"},
		{"overall both", func(i *Inventory) { i.Discount = Discount{Percent: &both, Amount: &both} }, InvDiscount, "not both"},
		{"negative S&H", func(i *Inventory) { i.ShippingAmount = dec("-1") }, InvShipping, "negative"},
		{"S&H tax over 100", func(i *Inventory) { i.ShippingTaxes = []TaxRate{rate(1, "101")} }, InvShipTax, "0 to 100"},
		{"huge adjustment", func(i *Inventory) { i.Adjustment = dec("-1000000000000") }, InvAdjustment, "too large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inv := ok()
			tc.change(&inv)
			errs := inv.Validate(3)
			if !strings.Contains(errs[tc.key], tc.msg) {
				t.Errorf("errors %v: %s = %q, want it to say %q", errs, tc.key, errs[tc.key], tc.msg)
			}
		})
	}
	inv := ok()
	inv.Adjustment = dec("-5")
	if errs := inv.Validate(3); errs != nil {
		t.Errorf("a valid document with a negative adjustment: got %v, want no errors", errs)
	}
	if n, part, ok := ParseLineField(LineField(12, LineTax)); !ok || n != 12 || part != LineTax {
		t.Errorf("ParseLineField(LineField(12, tax)) = %d, %q, %v", n, part, ok)
	}
}
