package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

//go:embed templates/*.html
var templateFS embed.FS

// page is what the layout needs; every page struct embeds it.
type page struct {
	Title string
	// User is the signed-in user, nil on the sign-in page.
	User *crm.User
	Nav  []navSection
	// CSRFToken goes into every form the page posts.
	CSRFToken string
	Version   string
	// Path is the page's own URL, where the language switch returns.
	Path string
	// Languages are offered by the language switch; empty hides it.
	Languages []language
	translator
}

// basePage fills the layout's data for r.
func (s *Server) basePage(r *http.Request, title string) page {
	p := page{Version: s.cfg.Version, translator: s.i18n.forLanguage(defaultLanguage)}
	if sess, u := sessionFrom(r.Context()); u != nil {
		p.User, p.CSRFToken = u, sess.CSRFToken
		p.Nav = s.userNav(u, r.URL.Path, s.nav(r.URL.Path))
		p.translator = s.i18n.forLanguage(u.Language)
		p.Path = r.URL.RequestURI()
		if s.deps.Languages != nil {
			p.Languages = languages
		}
	}
	p.Title = p.T(title)
	return p
}

// parsePages parses the layout once with each page template, keyed by the
// page's file name without extension. Files named partial_*.html are no
// pages: they define templates that every page may call.
func parsePages(a *assets) (map[string]*template.Template, error) {
	funcs := template.FuncMap{"asset": a.URL, "inc": func(n int) int { return n + 1 }}
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partial_*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" || strings.HasPrefix(name, "partial_") {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templateFS, f)
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// render writes the named page with data. It renders into a buffer first,
// so a template error becomes a clean 500 and never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.pages[name]
	if !ok {
		s.log.Error("no such template", "template", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("render page", "template", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store") // pages carry user data and CSRF tokens
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
