package web

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// rowKeyRe is what a row key may be: the server numbers rows, the script
// adds n1, n2, ...
var rowKeyRe = regexp.MustCompile(`^[A-Za-z0-9]{1,16}$`)

// itemModules are what a line may sell.
var itemModules = []string{"Products", "Services"}

// postedLineItems is the line-items section of a post: the form as typed,
// the inventory it makes, and what did not parse, by crm key.
type postedLineItems struct {
	post     url.Values
	form     *lineItemsForm
	inv      *crm.Inventory
	problems map[string]string
}

// readLineItems reads the posted line-items section. Numbers that do not
// parse and names that match no single product or service are problems;
// everything typed stays in the form.
func (s *Server) readLineItems(r *http.Request, tr translator) (*postedLineItems, error) {
	setup, err := s.deps.Inventory.InventorySetup(r.Context())
	if err != nil {
		return nil, err
	}
	pf := r.PostForm
	get := func(name string) string { return strings.TrimSpace(pf.Get(name)) }
	p := &postedLineItems{post: pf, inv: &crm.Inventory{TaxMode: get(invTaxMode)}, problems: map[string]string{}}
	f := &lineItemsForm{translator: tr, TaxMode: p.inv.TaxMode, Errors: map[string]string{},
		DiscType: get(invDiscType), Discount: get(invDiscount), Shipping: get(invShipping), Adjustment: get(invAdjustment),
		Blank: &lineRow{translator: tr, Key: blankKey, DiscType: discNone}}
	p.form = f
	if f.TaxMode != crm.TaxIndividual {
		f.TaxMode = crm.TaxGroup // the select offers these two
	}
	cur, err := strconv.ParseInt(get(invCurrency), 10, 64)
	if err != nil && get(invCurrency) != "" {
		p.problems[crm.InvCurrency] = "Choose a currency."
	}
	p.inv.CurrencyID = cur
	f.Currencies = currencyOptions(setup.Currencies, cur)
	p.inv.Discount = p.discount(crm.InvDiscount, f.DiscType, f.Discount)
	p.inv.ShippingAmount = p.number(crm.InvShipping, "S&H amount", f.Shipping)
	p.inv.Adjustment = p.number(crm.InvAdjustment, "Adjustment", f.Adjustment)
	f.GroupTaxes, p.inv.GroupTaxes = p.rates(crm.InvGroupTax, setup.Taxes, invGroupTax)
	f.ShipTaxes, p.inv.ShippingTaxes = p.rates(crm.InvShipTax, setup.ShippingTaxes, invShipTax)
	keys := pf[invLine]
	if len(keys) > crm.MaxLineItems+1 {
		keys = keys[:crm.MaxLineItems+1] // enough for Validate to say there are too many
	}
	seen := map[string]bool{}
	for _, key := range keys {
		if !rowKeyRe.MatchString(key) || seen[key] {
			p.problems[crm.InvLines] = "The lines could not be read; reload the form."
			continue
		}
		seen[key] = true
		if err := s.readRow(r, p, setup, key, tr); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// readRow reads one posted row into the form and the inventory.
func (s *Server) readRow(r *http.Request, p *postedLineItems, setup *crm.InventorySetup, key string, tr translator) error {
	pf := r.PostForm
	get := func(part string) string { return strings.TrimSpace(pf.Get("inv-" + key + "-" + part)) }
	n := len(p.inv.Lines) + 1
	row := &lineRow{translator: tr, Key: key, ProductID: get("product"), ProductLabel: get("product-label"),
		Description: pf.Get("inv-" + key + "-description"), Qty: get("qty"), Price: get("price"),
		DiscType: get("disctype"), Discount: get("discount"), Comment: get("comment")}
	id, problem, err := s.resolveItem(r, row.ProductID, row.ProductLabel)
	if err != nil {
		return err
	}
	row.ProductID = id
	if problem != "" {
		p.problems[crm.LineField(n, crm.LineProduct)] = problem
	}
	l := crm.LineItem{Comment: row.Comment, Description: row.Description}
	l.ProductID, _ = strconv.ParseInt(id, 10, 64)
	l.Quantity = p.required(crm.LineField(n, crm.LineQuantity), "Quantity", row.Qty, "Enter a quantity.")
	l.ListPrice = p.required(crm.LineField(n, crm.LineListPrice), "List price", row.Price, "Enter a list price.")
	l.Discount = p.discount(crm.LineField(n, crm.LineDiscount), row.DiscType, row.Discount)
	for _, t := range setup.Taxes {
		name := "inv-" + key + "-tax-" + strconv.Itoa(t.ID)
		if _, posted := pf[name]; !posted {
			continue
		}
		v := strings.TrimSpace(pf.Get(name))
		row.Taxes = append(row.Taxes, taxInput{ID: t.ID, Label: t.Label, Value: v})
		if p.inv.TaxMode == crm.TaxIndividual && v != "" {
			pct := p.number(crm.LineField(n, crm.LineTax), "Tax", v)
			l.Taxes = append(l.Taxes, crm.TaxRate{TaxID: t.ID, Percent: pct})
		}
	}
	p.form.Rows = append(p.form.Rows, row)
	p.inv.Lines = append(p.inv.Lines, l)
	return nil
}

// resolveItem settles a row's item as resolveRefs settles a reference: an
// empty name is none, an id whose item still has the typed name stays,
// and otherwise the name must match exactly one product or service.
func (s *Server) resolveItem(r *http.Request, id, label string) (string, string, error) {
	if label == "" {
		return "", "", nil
	}
	if n, err := strconv.ParseInt(id, 10, 64); err == nil && n > 0 {
		refs, err := s.deps.Records.RecordRefs(r.Context(), []int64{n})
		if err != nil {
			return "", "", err
		}
		if ref, ok := refs[n]; ok && ref.Label == label && slices.Contains(itemModules, ref.Module) {
			return id, "", nil
		}
	}
	return s.findByName(r, &crm.Field{RefModules: itemModules}, label)
}

// number parses an optional number; empty is 0.
func (p *postedLineItems) number(key, what, text string) crm.Decimal {
	if text == "" {
		return crm.Decimal{}
	}
	d, err := crm.ParseDecimal(text)
	if err != nil {
		p.fail(key, what+" is not a number.")
	}
	return d
}

// required parses a number that must be given; missing says so.
func (p *postedLineItems) required(key, what, text, missing string) crm.Decimal {
	if text == "" {
		p.fail(key, missing)
		return crm.Decimal{}
	}
	return p.number(key, what, text)
}

// discount reads a discount's kind and number.
func (p *postedLineItems) discount(key, kind, text string) crm.Discount {
	if text == "" || (kind != discPercent && kind != discAmount) {
		return crm.Discount{}
	}
	d := p.number(key, "Discount", text)
	if kind == discPercent {
		return crm.Discount{Percent: &d}
	}
	return crm.Discount{Amount: &d}
}

// rates reads the document's percentage of each active tax; an empty
// input leaves the tax at its global percentage.
func (p *postedLineItems) rates(key string, taxes []crm.Tax, prefix string) ([]taxInput, []crm.TaxRate) {
	var inputs []taxInput
	var out []crm.TaxRate
	for _, t := range taxes {
		v := strings.TrimSpace(p.post.Get(prefix + strconv.Itoa(t.ID)))
		inputs = append(inputs, taxInput{ID: t.ID, Label: t.Label, Value: v})
		if v != "" {
			out = append(out, crm.TaxRate{TaxID: t.ID, Percent: p.number(key, "Tax", v)})
		}
	}
	return inputs, out
}

func (p *postedLineItems) fail(key, msg string) {
	if _, ok := p.problems[key]; !ok {
		p.problems[key] = msg
	}
}
