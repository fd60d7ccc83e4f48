package web

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"
)

//go:embed i18n/*.json
var i18nFS embed.FS

// defaultLanguage is the language of users who chose none, and the one
// whose texts stand in for a missing translation.
const defaultLanguage = "en_us"

// languages are the languages a user may choose, by vtiger code, each
// named in itself for the switch.
var languages = []language{{"en_us", "English"}, {"zh_tw", "繁體中文"}}

type language struct {
	Code string
	Name string
}

// catalogs holds every language's messages, keyed by the English text
// (vtiger's own labels: "Account Name", "Billing City") or, for module
// and block names, vtiger's key ("HelpDesk", "LBL_TICKET_INFORMATION").
type catalogs map[string]map[string]string

// loadCatalogs reads the embedded i18n/<code>.json files.
func loadCatalogs() (catalogs, error) {
	files, err := fs.Glob(i18nFS, "i18n/*.json")
	if err != nil {
		return nil, err
	}
	out := catalogs{}
	for _, f := range files {
		data, err := i18nFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		m := map[string]string{}
		if err := json.Unmarshal(data, &m); err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		out[strings.TrimSuffix(path.Base(f), ".json")] = m
	}
	for _, l := range languages {
		if out[l.Code] == nil {
			return nil, fmt.Errorf("no translations for %s", l.Code)
		}
	}
	return out, nil
}

// translator speaks one language. The zero value speaks English keys.
type translator struct {
	lang string
	msgs map[string]string
	dflt map[string]string
}

// forLanguage returns the translator of a vtiger language code; unknown
// codes get the default language.
func (c catalogs) forLanguage(code string) translator {
	code = strings.ToLower(code)
	if _, ok := c[code]; !ok {
		code = defaultLanguage
	}
	return translator{lang: code, msgs: c[code], dflt: c[defaultLanguage]}
}

// T translates key: the language's text, else the default language's,
// else the key itself.
func (t translator) T(key string) string {
	if s, ok := t.msgs[key]; ok {
		return s
	}
	if s, ok := t.dflt[key]; ok {
		return s
	}
	return key
}

// Tf translates a format string and fills it in.
func (t translator) Tf(key string, args ...any) string { return fmt.Sprintf(t.T(key), args...) }

// Block translates a vtiger block label; one without a translation is
// shown as words ("LBL_CUSTOM_INFORMATION" → "Custom Information").
func (t translator) Block(key string) string {
	if s := t.T(key); s != key {
		return s
	}
	words := strings.Fields(strings.ReplaceAll(strings.TrimPrefix(key, "LBL_"), "_", " "))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
	}
	return strings.Join(words, " ")
}

// Lang is the vtiger code of the language spoken.
func (t translator) Lang() string { return t.lang }

// HTMLLang is the page's lang attribute.
func (t translator) HTMLLang() string {
	if t.lang == "zh_tw" {
		return "zh-Hant-TW"
	}
	return "en"
}

// Date shows a date the way the language writes it.
func (t translator) Date(d time.Time) string {
	if t.lang == "zh_tw" {
		return d.Format("2006年1月2日")
	}
	return d.Format("Jan 2, 2006")
}

// DateTime shows a date and time the way the language writes it.
func (t translator) DateTime(d time.Time) string {
	if t.lang == "zh_tw" {
		return d.Format("2006年1月2日 15:04")
	}
	return d.Format("Jan 2, 2006 3:04 PM")
}
