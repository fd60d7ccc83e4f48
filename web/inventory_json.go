package web

import (
	"net/http"
	"strconv"

	"github.com/tigerline/tigerline/crm"
)

// lineItemJSON is what the line-items script needs of a picked product
// or service.
type lineItemJSON struct {
	ID        int64     `json:"id"`
	Module    string    `json:"module"`
	Name      string    `json:"name"`
	UnitPrice string    `json:"unitPrice"`
	Taxes     []taxJSON `json:"taxes"`
	// Stock is a product's quantity in stock, "" for a service.
	Stock string `json:"stock"`
}

type taxJSON struct {
	ID      int    `json:"id"`
	Label   string `json:"label"`
	Percent string `json:"percent"`
}

// inventoryRoutes lists the line-items script's JSON endpoint.
func (s *Server) inventoryRoutes(mux *http.ServeMux) {
	if s.deps.Inventory == nil || s.deps.Records == nil {
		return
	}
	mux.Handle("GET /inventory/item.json", s.requireUser(http.HandlerFunc(s.handleLineItemJSON)))
}

// handleLineItemJSON answers GET /inventory/item.json?id=&currency=: a
// product's or service's price in the document's currency (0 or none:
// the base one), its taxes and its stock, for a new line.
func (s *Server) handleLineItemJSON(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.URL.Query().Get("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Give a product or service id."))
		return
	}
	var currency int64
	if c := r.URL.Query().Get("currency"); c != "" {
		if currency, err = strconv.ParseInt(c, 10, 64); err != nil || currency < 0 {
			s.fail(w, r, crm.Errorf(crm.EInvalid, "The currency is not a number."))
			return
		}
	}
	info, err := s.deps.Inventory.FindLineItemInfo(r.Context(), id, currency)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ok, err := s.allowed(r, info.Module, crm.ActionView, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.fail(w, r, crm.Errorf(crm.ENotFound, "There is no product or service %d.", id))
		return
	}
	out := lineItemJSON{ID: info.ID, Module: info.Module, Name: info.Name, UnitPrice: info.UnitPrice.Fixed(2), Taxes: []taxJSON{}}
	if !info.UnitPrice.HasPlaces(2) {
		out.UnitPrice = info.UnitPrice.String()
	}
	if info.Stock != nil {
		out.Stock = info.Stock.String()
	}
	for _, t := range info.Taxes {
		out.Taxes = append(out.Taxes, taxJSON{ID: t.TaxID, Label: t.Label, Percent: t.Percent.String()})
	}
	writeJSON(w, http.StatusOK, out)
}
