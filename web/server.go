// Package web is Tigerline's HTTP front: the server-rendered UI, sign-in and
// sessions, CSRF protection, static assets and the health check. It talks
// to storage only through the crm interfaces it is given in Deps.
package web

import (
	"context"
	"html/template"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/tigerline/tigerline/crm"
)

// Config holds the web settings that cmd reads from flags.
type Config struct {
	// ListenAddr is the address serve listens on. Cookies are Secure unless
	// it is a loopback address or InsecureCookies is set.
	ListenAddr string
	// InsecureCookies drops the Secure flag from cookies, for plain HTTP on
	// a trusted network. Behind a TLS-terminating proxy leave it off.
	InsecureCookies bool
	// TrustForwardedFor takes the client address from the last entry of
	// X-Forwarded-For, for login rate limits and session records. Set it
	// only behind a proxy that sets that header.
	TrustForwardedFor bool
	// Version is the product version shown in the page footer.
	Version string
	// LoginFailures failed sign-ins within LoginWindow, from one address or
	// for one user name, block further attempts (defaults 10 and 15m).
	LoginFailures int
	LoginWindow   time.Duration
	// ServiceLevel is the answer time the dashboard's service level
	// counts against (default 20s); WrapUp is how long an agent shows
	// as wrapping up after a call (default 30s).
	ServiceLevel time.Duration
	WrapUp       time.Duration
}

// SecureCookies reports whether cookies carry the Secure flag.
func (c Config) SecureCookies() bool {
	if c.InsecureCookies {
		return false
	}
	return !isLoopback(c.ListenAddr)
}

// isLoopback reports whether addr (host:port or host) names only the
// loopback interface. An empty host listens everywhere, so it is not.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Deps are the services the web layer serves from.
type Deps struct {
	Users    crm.UserService
	Sessions crm.SessionService
	// Logger receives request logs; nil discards them.
	Logger *slog.Logger
	// Health reports whether the node can serve (cmd passes a database
	// ping); nil means always healthy.
	Health func(ctx context.Context) error
	// ModuleEnabled hides navigation entries of disabled vtiger modules,
	// by vtiger_tab.name; nil means every module is enabled. It is not
	// asked about Home, Settings and Tags, which are always shown.
	ModuleEnabled func(name string) bool
	// Records serves the module pages (lists, records, recycle bin,
	// search, tags); nil leaves them out.
	Records Records
	// Languages stores a user's language choice; nil hides the switch.
	Languages crm.UserLanguageSetter
	// Webservice and WSTokens, with Records, serve vtiger's webservice
	// at /webservice.php; nil answers every operation that it is off.
	Webservice crm.WebserviceStore
	WSTokens   crm.WSTokenService
	// Access decides what a webservice user may do; nil lets every
	// signed-in user do everything.
	Access crm.AccessChecker
	// Relations serves the webservice's retrieve_related and the related
	// lists of the detail pages; nil refuses the one and hides the other.
	Relations crm.RelationService
	// Comments serves the comment threads of the detail pages; nil hides
	// them.
	Comments crm.CommentService
	// Realtime serves the websocket at /ws (the realtime hub); nil answers
	// 404.
	Realtime http.Handler
	// Calls serves the pop's and the dashboard's call lists and stats;
	// nil leaves out the call API, the pop data and the dashboard.
	Calls Calls
	// Lookup finds the caller of a call in progress when a page reloads
	// its pops; nil shows such calls without a caller.
	Lookup crm.CallerLookup
	// LiveCalls returns the calls in progress on every PBX (the call
	// trackers' snapshots, as the nodes following the PBXs recorded
	// them); nil knows only the ones stored as ringing or in progress.
	LiveCalls func(ctx context.Context) ([]crm.LiveCall, error)
	// Originate starts a click-to-call: the user's phone first, then
	// number; nil answers that click-to-call is not set up.
	Originate func(ctx context.Context, u *crm.User, number string) error
	// SupervisorCheck says who may see the dashboard; nil allows admins
	// and vtiger's manager roles H1 to H4, as the realtime hub does.
	SupervisorCheck func(u *crm.User) bool
	// SignedIn returns the ids of the users signed in now, for the
	// dashboard's logged-out agents; nil counts every agent as signed in.
	SignedIn func(ctx context.Context) (map[int64]bool, error)
	// Support serves the support-line settings and, with Calls, the
	// pop's attach-to-ticket action; nil leaves them out.
	Support Support
	// Publisher announces agents signing in and out to the supervisors'
	// dashboards; nil announces nothing (dashboards see it on reload).
	Publisher crm.Publisher
	// PBX lists and changes the PBX connections on the settings page;
	// nil leaves the page out.
	PBX crm.PBXService
	// Inventory serves the line items of quotes, sales orders, invoices
	// and purchase orders; nil leaves them out of the forms and pages.
	Inventory crm.InventoryService
}

// Server serves Tigerline's HTTP interface. Build it with New.
type Server struct {
	cfg     Config
	deps    Deps
	log     *slog.Logger
	secure  bool
	pages   map[string]*template.Template
	i18n    catalogs
	assets  *assets
	limiter *loginLimiter
	handler http.Handler
}

// New checks deps, parses the templates and builds the routes. Errors:
// invalid (a required service is missing), internal (a template does not
// parse).
func New(cfg Config, deps Deps) (*Server, error) {
	if deps.Users == nil || deps.Sessions == nil {
		return nil, crm.Errorf(crm.EInvalid, "web: Users and Sessions services are required")
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.LoginFailures <= 0 {
		cfg.LoginFailures = 10
	}
	if cfg.LoginWindow <= 0 {
		cfg.LoginWindow = 15 * time.Minute
	}
	if cfg.ServiceLevel <= 0 {
		cfg.ServiceLevel = 20 * time.Second
	}
	if cfg.WrapUp <= 0 {
		cfg.WrapUp = 30 * time.Second
	}
	s := &Server{
		cfg:     cfg,
		deps:    deps,
		log:     deps.Logger.With("component", "web"),
		secure:  cfg.SecureCookies(),
		limiter: newLoginLimiter(cfg.LoginFailures, cfg.LoginWindow),
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if s.i18n, err = loadCatalogs(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(s.assets); err != nil {
		return nil, err
	}
	s.handler = s.logRequests(s.recoverPanics(securityHeaders(s.routes())))
	return s, nil
}

// Handler returns the server's HTTP handler, middleware included.
func (s *Server) Handler() http.Handler { return s.handler }
