package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestDetailComments(t *testing.T) {
	t.Parallel()
	me := newDetailEnv(t)
	acme := me.create(t, "Accounts", map[string]string{"accountname": "Acme Trading"})
	ticket := me.create(t, "HelpDesk", map[string]string{"ticket_title": "No dial tone", "ticketstatus": "Open"})
	product := me.create(t, "Products", map[string]string{"productname": "Headset"})
	c := me.adminClient(t)
	href := recordHref("Accounts", acme.ID)

	_, body := c.get(href)
	wantContains(t, "account", body, `id="comments"`, `action="`+href+`/comments"`, "No comments yet.")

	t.Run("add to an account", func(t *testing.T) {
		status, loc, body := c.postToken(href+"/comments", url.Values{"comment": {"Prefers calls <b>after</b> 2 pm.\nAsk for Mei."}, "tab": {"1"}})
		if status != http.StatusSeeOther || loc != href+"?tab=1#comments" {
			t.Fatalf("got %d to %q, want 303 to the thread\n%s", status, loc, body)
		}
		_, body = c.get(href)
		wantContains(t, "thread", body, "Prefers calls &lt;b&gt;after&lt;/b&gt; 2 pm.\nAsk for Mei.", "Administrator", "Comments <span class=\"muted\">(1)</span>")
		if strings.Contains(body, "<b>after</b>") {
			t.Error("a comment shows as markup")
		}
	})

	t.Run("empty comment comes back", func(t *testing.T) {
		status, _, body := c.postToken(href+"/comments", url.Values{"comment": {"   "}, "tab": {"2"}})
		wantStatus(t, "empty comment", status, http.StatusBadRequest, body)
		wantContains(t, "form with error", body, "Write a comment first.", `aria-invalid="true"`, `class="selected">Potentials</a>`)
	})

	t.Run("tickets keep theirs in vtiger_ticketcomments", func(t *testing.T) {
		th := recordHref("HelpDesk", ticket.ID)
		status, _, body := c.postToken(th+"/comments", url.Values{"comment": {"Line tested: OK."}})
		wantStatus(t, "ticket comment", status, http.StatusSeeOther, body)
		const q = `SELECT COUNT(*) FROM vtiger_ticketcomments WHERE ticketid = ? AND comments = 'Line tested: OK.' AND ownertype = 'user'`
		if n := dbValue[int](t, me.db, q, ticket.ID); n != 1 {
			t.Errorf("got %d ticket comment rows, want 1", n)
		}
		_, body = c.get(th)
		wantContains(t, "ticket", body, "Line tested: OK.")
	})

	t.Run("refusals", func(t *testing.T) {
		c.noCSRF(t, href+"/comments", url.Values{"comment": {"sneaky"}})
		_, body := c.get(recordHref("Products", product.ID))
		if strings.Contains(body, `id="comments"`) {
			t.Error("a product page shows a comment thread")
		}
		status, _, body := c.postToken(recordHref("Products", product.ID)+"/comments", url.Values{"comment": {"hi"}})
		wantStatus(t, "comment on a product", status, http.StatusBadRequest, body)
		status, _, body = c.postToken(recordHref("Accounts", 999999)+"/comments", url.Values{"comment": {"hi"}})
		wantStatus(t, "comment on a missing record", status, http.StatusNotFound, body)

		me.exec(t, `UPDATE vtiger_def_org_share SET permission = 3 WHERE tabid = 6`) // accounts private
		defer me.exec(t, `UPDATE vtiger_def_org_share SET permission = 2 WHERE tabid = 6`)
		u := me.userClient(t, "agent_comment")
		status, _, body = u.postToken(href+"/comments", url.Values{"comment": {"hi"}})
		wantStatus(t, "comment on another's private account", status, http.StatusForbidden, body)
		page, err := me.records.FindComments(context.Background(), me.admin, "Accounts", acme.ID, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 1 {
			t.Errorf("after refused comments: got %d comments, want 1", page.Total)
		}
	})
}
