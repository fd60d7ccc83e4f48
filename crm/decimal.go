package crm

import (
	"fmt"
	"math/big"
	"strings"
)

// Decimal is an exact decimal number for money, quantities and
// percentages: a big.Rat, so sums and products never drift the way
// binary floats do. The zero value is 0. Operations return new values and
// never change their operands.
type Decimal struct{ r *big.Rat }

// ParseDecimal reads a plain decimal: an optional sign, digits and an
// optional fraction ("12", "-0.5", "1234.567"). Exponents, fractions like
// 1/3, thousands separators and empty text are refused.
func ParseDecimal(s string) (Decimal, error) {
	s = strings.TrimSpace(s)
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || body == "" || body == "." {
		return Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	dots := 0
	for _, c := range body {
		switch {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return Decimal{}, fmt.Errorf("%q is not a number", s)
		}
	}
	if dots > 1 {
		return Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return Decimal{}, fmt.Errorf("%q is not a number", s)
	}
	return Decimal{r}, nil
}

// MustDecimal is ParseDecimal for constants; it panics on a bad literal.
func MustDecimal(s string) Decimal {
	d, err := ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DecimalFromInt returns n as a Decimal.
func DecimalFromInt(n int64) Decimal { return Decimal{new(big.Rat).SetInt64(n)} }

func (d Decimal) rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return d.r
}

// Add returns d + e.
func (d Decimal) Add(e Decimal) Decimal { return Decimal{new(big.Rat).Add(d.rat(), e.rat())} }

// Sub returns d − e.
func (d Decimal) Sub(e Decimal) Decimal { return Decimal{new(big.Rat).Sub(d.rat(), e.rat())} }

// Mul returns d × e.
func (d Decimal) Mul(e Decimal) Decimal { return Decimal{new(big.Rat).Mul(d.rat(), e.rat())} }

// Quo returns d ÷ e; e must not be 0.
func (d Decimal) Quo(e Decimal) Decimal { return Decimal{new(big.Rat).Quo(d.rat(), e.rat())} }

// Percent returns p percent of d, unrounded.
func (d Decimal) Percent(p Decimal) Decimal {
	x := new(big.Rat).Mul(d.rat(), p.rat())
	return Decimal{x.Quo(x, big.NewRat(100, 1))}
}

// Sign returns -1, 0 or +1.
func (d Decimal) Sign() int { return d.rat().Sign() }

// IsZero reports whether d is 0.
func (d Decimal) IsZero() bool { return d.Sign() == 0 }

// Cmp compares d and e: -1, 0 or +1.
func (d Decimal) Cmp(e Decimal) int { return d.rat().Cmp(e.rat()) }

// Equal reports whether d and e are the same number.
func (d Decimal) Equal(e Decimal) bool { return d.Cmp(e) == 0 }

// Round rounds d to places decimals, halves away from zero (2.345 →
// 2.35, −2.345 → −2.35), the commercial rounding vtiger's totals use.
func (d Decimal) Round(places int) Decimal {
	scale := pow10(places)
	num := new(big.Int).Mul(d.rat().Num(), scale)
	den := d.rat().Denom()
	q, m := new(big.Int).QuoRem(num, den, new(big.Int)) // truncates toward zero
	if m.Abs(m).Lsh(m, 1).Cmp(den) >= 0 {
		if num.Sign() < 0 {
			q.Sub(q, big.NewInt(1))
		} else {
			q.Add(q, big.NewInt(1))
		}
	}
	return Decimal{new(big.Rat).SetFrac(q, scale)}
}

// HasPlaces reports whether d needs at most places decimals.
func (d Decimal) HasPlaces(places int) bool {
	x := new(big.Rat).Mul(d.rat(), new(big.Rat).SetInt(pow10(places)))
	return x.IsInt()
}

// Fixed formats d rounded to exactly places decimals ("12.50").
func (d Decimal) Fixed(places int) string {
	return d.Round(places).rat().FloatString(places)
}

// String formats d with as few decimals as it needs, up to 9 ("12.5",
// "3").
func (d Decimal) String() string {
	for p := 0; p < 9; p++ {
		if d.HasPlaces(p) {
			return d.rat().FloatString(p)
		}
	}
	return d.Fixed(9)
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}
