package crm

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Keys of an inventory's problems in Error.Fields, beside the header's
// field names. A line's problems are keyed by LineField.
const (
	InvTaxMode    = "inventory.taxtype"
	InvLines      = "inventory.lines"
	InvDiscount   = "inventory.discount"
	InvGroupTax   = "inventory.grouptax"
	InvShipping   = "inventory.shipping"
	InvShipTax    = "inventory.shtax"
	InvAdjustment = "inventory.adjustment"
	InvCurrency   = "inventory.currency"
)

// Parts of a line named in LineField keys.
const (
	LineProduct     = "product"
	LineQuantity    = "quantity"
	LineListPrice   = "listprice"
	LineDiscount    = "discount"
	LineComment     = "comment"
	LineDescription = "description"
	LineTax         = "tax"
)

// The columns bound what a line keeps: three decimals everywhere,
// comment varchar(250), description text.
const (
	inventoryPlaces   = 3
	maxCommentLength  = 250
	maxDescriptionLen = 65535
)

// maxInventoryAmount keeps every amount and quantity well inside
// decimal(25,3), products and sums included.
var maxInventoryAmount = DecimalFromInt(1_000_000_000_000)

// LineField is the Error.Fields key of part of the n-th line (from 1).
func LineField(n int, part string) string { return "line." + strconv.Itoa(n) + "." + part }

// ParseLineField splits a LineField key; ok is false for other keys.
func ParseLineField(key string) (n int, part string, ok bool) {
	rest, found := strings.CutPrefix(key, "line.")
	if !found {
		return 0, "", false
	}
	num, part, found := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if !found || err != nil || n < 1 {
		return 0, "", false
	}
	return n, part, true
}

// Validate checks what needs no database: the tax mode, one to maxLines
// lines, positive quantities, discounts given one way, percentages from 0
// to 100 and at most three decimals. It returns each problem by key, nil
// when there is none.
func (inv *Inventory) Validate(maxLines int) map[string]string {
	errs := map[string]string{}
	fail := func(key, msg string) {
		if _, ok := errs[key]; !ok {
			errs[key] = msg
		}
	}
	if inv.TaxMode != TaxIndividual && inv.TaxMode != TaxGroup {
		fail(InvTaxMode, "Tax mode must be individual or group.")
	}
	switch {
	case len(inv.Lines) == 0:
		fail(InvLines, "Add at least one product or service.")
	case len(inv.Lines) > maxLines:
		fail(InvLines, fmt.Sprintf("A document has at most %d lines; this one has %d.", maxLines, len(inv.Lines)))
	}
	for i, l := range inv.Lines {
		n := i + 1
		if l.ProductID <= 0 {
			fail(LineField(n, LineProduct), "Choose a product or service.")
		}
		if msg := checkAmount("Quantity", l.Quantity, false); msg != "" {
			fail(LineField(n, LineQuantity), msg)
		} else if l.Quantity.Sign() <= 0 {
			fail(LineField(n, LineQuantity), "Quantity must be more than 0.")
		}
		if msg := checkAmount("List price", l.ListPrice, false); msg != "" {
			fail(LineField(n, LineListPrice), msg)
		}
		if msg := checkDiscount(l.Discount); msg != "" {
			fail(LineField(n, LineDiscount), msg)
		}
		if utf8.RuneCountInString(l.Comment) > maxCommentLength {
			fail(LineField(n, LineComment), fmt.Sprintf("Comment is too long: at most %d characters.", maxCommentLength))
		}
		if len(l.Description) > maxDescriptionLen {
			fail(LineField(n, LineDescription), "Description is too long.")
		}
		if msg := checkRates(l.Taxes); msg != "" {
			fail(LineField(n, LineTax), msg)
		}
	}
	if msg := checkDiscount(inv.Discount); msg != "" {
		fail(InvDiscount, msg)
	}
	if msg := checkRates(inv.GroupTaxes); msg != "" {
		fail(InvGroupTax, msg)
	}
	if msg := checkAmount("S&H amount", inv.ShippingAmount, false); msg != "" {
		fail(InvShipping, msg)
	}
	if msg := checkRates(inv.ShippingTaxes); msg != "" {
		fail(InvShipTax, msg)
	}
	if msg := checkAmount("Adjustment", inv.Adjustment, true); msg != "" {
		fail(InvAdjustment, msg)
	}
	if inv.CurrencyID < 0 {
		fail(InvCurrency, "Choose a currency.")
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// checkAmount checks a number the columns keep: at most three decimals,
// not too large, and not negative unless signed.
func checkAmount(what string, d Decimal, signed bool) string {
	switch {
	case !signed && d.Sign() < 0:
		return what + " must not be negative."
	case !d.HasPlaces(inventoryPlaces):
		return what + " has more than 3 decimals."
	case new(big.Rat).Abs(d.rat()).Cmp(maxInventoryAmount.rat()) >= 0:
		return what + " is too large."
	}
	return ""
}

func checkDiscount(d Discount) string {
	switch {
	case d.Percent != nil && d.Amount != nil:
		return "Give the discount as a percentage or as an amount, not both."
	case d.Percent != nil:
		return checkPercent("Discount", *d.Percent)
	case d.Amount != nil:
		return checkAmount("Discount", *d.Amount, false)
	}
	return ""
}

func checkPercent(what string, p Decimal) string {
	if msg := checkAmount(what, p, false); msg != "" {
		return msg
	}
	if p.Cmp(DecimalFromInt(100)) > 0 {
		return what + " must be from 0 to 100%."
	}
	return ""
}

// checkRates checks tax percentages, each tax given once.
func checkRates(rates []TaxRate) string {
	seen := map[int]bool{}
	for _, r := range rates {
		if seen[r.TaxID] {
			return fmt.Sprintf("Tax %d is given twice.", r.TaxID)
		}
		seen[r.TaxID] = true
		if msg := checkPercent("Tax", r.Percent); msg != "" {
			return msg
		}
	}
	return ""
}
