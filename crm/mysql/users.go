package mysql

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/jmoiron/sqlx"

	"github.com/tigerline/tigerline/crm"
	"github.com/tigerline/tigerline/crm/auth"
)

// UserService implements crm.UserService on vtiger_users.
type UserService struct{ db *DB }

// NewUserService returns a UserService on db.
func NewUserService(db *DB) *UserService { return &UserService{db: db} }

var _ crm.UserService = (*UserService)(nil)

var userNameRe = regexp.MustCompile(`^[A-Za-z0-9._@-]{2,64}$`)

// userColumns reads a user with its role and extension. vtiger keeps
// is_admin as 'on'/'off' and use_asterisk as '1'/'0'.
const userColumns = `u.id, COALESCE(u.user_name, '') AS user_name,
	COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name,
	COALESCE(u.email1, '') AS email1, COALESCE(u.is_admin, 'off') AS is_admin,
	COALESCE(u.status, '') AS status, COALESCE(u.language, '') AS language,
	COALESCE(u.accesskey, '') AS accesskey,
	COALESCE(ur.roleid, '') AS roleid, COALESCE(r.rolename, '') AS rolename,
	COALESCE((SELECT e.asterisk_extension FROM vtiger_asteriskextensions e
		WHERE e.userid = u.id LIMIT 1), '') AS extension`

const userFrom = ` FROM vtiger_users u
	LEFT JOIN vtiger_user2role ur ON ur.userid = u.id
	LEFT JOIN vtiger_role r ON r.roleid = ur.roleid`

type userRow struct {
	ID        int64  `db:"id"`
	UserName  string `db:"user_name"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Email     string `db:"email1"`
	IsAdmin   string `db:"is_admin"`
	Status    string `db:"status"`
	Language  string `db:"language"`
	AccessKey string `db:"accesskey"`
	RoleID    string `db:"roleid"`
	RoleName  string `db:"rolename"`
	Extension string `db:"extension"`
}

func (r *userRow) user() *crm.User {
	return &crm.User{
		ID: r.ID, UserName: r.UserName, FirstName: r.FirstName, LastName: r.LastName,
		Email: r.Email, IsAdmin: r.IsAdmin == "on", Status: r.Status, RoleID: r.RoleID,
		RoleName: r.RoleName, Extension: r.Extension, Language: r.Language, AccessKey: r.AccessKey,
	}
}

// FindUsers lists the users that are not deleted, by user name.
func (s *UserService) FindUsers(ctx context.Context) ([]*crm.User, error) {
	q := `SELECT ` + userColumns + userFrom + ` WHERE u.deleted = 0 ORDER BY u.user_name`
	var rows []userRow
	if err := sqlx.SelectContext(ctx, s.db, &rows, q); err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]*crm.User, len(rows))
	for i := range rows {
		out[i] = rows[i].user()
	}
	return out, nil
}

// FindUserByName returns the user with that user name.
func (s *UserService) FindUserByName(ctx context.Context, userName string) (*crm.User, error) {
	u, _, err := findUser(ctx, s.db, userName)
	return u, err
}

// findUser also returns the stored hash and crypt type, which never leave
// this package.
func findUser(ctx context.Context, ext sqlx.QueryerContext, userName string) (*crm.User, [2]string, error) {
	q := `SELECT ` + userColumns + `, COALESCE(u.user_password, '') AS user_password,
		COALESCE(u.crypt_type, '') AS crypt_type` + userFrom + ` WHERE u.user_name = ? AND u.deleted = 0`
	var row struct {
		userRow
		Password  string `db:"user_password"`
		CryptType string `db:"crypt_type"`
	}
	if err := sqlx.GetContext(ctx, ext, &row, q, userName); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, [2]string{}, crm.Errorf(crm.ENotFound, "no user named %q", userName)
		}
		return nil, [2]string{}, fmt.Errorf("find user %q: %w", userName, err)
	}
	return row.user(), [2]string{row.Password, row.CryptType}, nil
}

// Authenticate checks a user's password. vtiger-era hashes are kept as they
// are after a good login, so a database shared with a running vtiger during
// a migration keeps working there too.
func (s *UserService) Authenticate(ctx context.Context, userName, password string) (*crm.User, error) {
	denied := crm.Errorf(crm.EUnauthorized, "wrong user name or password")
	u, secret, err := findUser(ctx, s.db, userName)
	if crm.ErrorCode(err) == crm.ENotFound {
		return nil, denied
	}
	if err != nil {
		return nil, err
	}
	if auth.Verify(u.UserName, secret[1], secret[0], password) != nil {
		return nil, denied
	}
	if !strings.EqualFold(u.Status, "Active") {
		return nil, denied
	}
	return u, nil
}

// SetPassword stores a new bcrypt password for the user.
func (s *UserService) SetPassword(ctx context.Context, userName, password string) error {
	hash, typ, err := auth.Hash(password)
	if err != nil {
		return crm.Errorf(crm.EInvalid, "%v", err)
	}
	const q = `UPDATE vtiger_users SET user_password = ?, crypt_type = ?, date_modified = UTC_TIMESTAMP()
		WHERE user_name = ? AND deleted = 0`
	res, err := s.db.ExecContext(ctx, q, hash, typ, userName)
	if err != nil {
		return fmt.Errorf("set password of %q: %w", userName, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return crm.Errorf(crm.ENotFound, "no user named %q", userName)
	}
	return nil
}

// CreateUser creates a user with a bcrypt password, a role and optionally
// an Asterisk extension, in one transaction.
func (s *UserService) CreateUser(ctx context.Context, nu crm.NewUser) (*crm.User, error) {
	if err := validateNewUser(&nu); err != nil {
		return nil, err
	}
	hash, typ, err := auth.Hash(nu.Password)
	if err != nil {
		return nil, crm.Errorf(crm.EInvalid, "%v", err)
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	defer tx.Rollback()
	if err := checkUserFree(ctx, tx, nu); err != nil {
		return nil, err
	}
	if nu.RoleID == "" {
		if nu.RoleID, err = lowestRole(ctx, tx); err != nil {
			return nil, err
		}
	} else if err := checkRole(ctx, tx, nu.RoleID); err != nil {
		return nil, err
	}
	id, err := nextID(ctx, tx, "vtiger_users_seq")
	if err != nil {
		return nil, err
	}
	if err := insertUser(ctx, tx, id, nu, hash, typ); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("create user: %w", err)
	}
	return s.FindUserByName(ctx, nu.UserName)
}

func validateNewUser(nu *crm.NewUser) error {
	var bad []string
	if !userNameRe.MatchString(nu.UserName) {
		bad = append(bad, "user name: 2 to 64 letters, digits or . _ @ -")
	}
	if nu.LastName == "" {
		nu.LastName = nu.UserName
	}
	if len(nu.FirstName) > 30 || len(nu.LastName) > 30 {
		bad = append(bad, "first and last name: at most 30 characters each")
	}
	if nu.Email != "" && (!strings.Contains(nu.Email, "@") || len(nu.Email) > 100) {
		bad = append(bad, "email: not an address")
	}
	if nu.Extension != "" && !regexp.MustCompile(`^[0-9*#]{1,20}$`).MatchString(nu.Extension) {
		bad = append(bad, "extension: digits only")
	}
	if nu.Language == "" {
		nu.Language = "en_us"
	}
	if len(bad) > 0 {
		return crm.Errorf(crm.EInvalid, "invalid user: %s", strings.Join(bad, "; "))
	}
	return nil
}

func checkUserFree(ctx context.Context, tx *sqlx.Tx, nu crm.NewUser) error {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM vtiger_users WHERE user_name = ?`, nu.UserName); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	if n > 0 {
		return crm.Errorf(crm.EConflict, "user name %q is taken", nu.UserName)
	}
	if nu.Extension == "" {
		return nil
	}
	const q = `SELECT COUNT(*) FROM vtiger_asteriskextensions e JOIN vtiger_users u ON u.id = e.userid
		WHERE e.asterisk_extension = ? AND u.deleted = 0`
	if err := tx.GetContext(ctx, &n, q, nu.Extension); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	if n > 0 {
		return crm.Errorf(crm.EConflict, "extension %s belongs to another user", nu.Extension)
	}
	return nil
}

func lowestRole(ctx context.Context, tx *sqlx.Tx) (string, error) {
	var id string
	err := tx.GetContext(ctx, &id, `SELECT roleid FROM vtiger_role ORDER BY depth DESC, roleid LIMIT 1`)
	if err != nil {
		return "", fmt.Errorf("find default role: %w", err)
	}
	return id, nil
}

func checkRole(ctx context.Context, tx *sqlx.Tx, roleID string) error {
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM vtiger_role WHERE roleid = ?`, roleID); err != nil {
		return fmt.Errorf("check role: %w", err)
	}
	if n == 0 {
		return crm.Errorf(crm.EInvalid, "no role %q", roleID)
	}
	return nil
}

// insertUser writes the user row the way vtiger 5.4's Users module saves
// one: explicit values for every column vtiger's own code sets.
func insertUser(ctx context.Context, tx *sqlx.Tx, id int64, nu crm.NewUser, hash, cryptType string) error {
	isAdmin := "off"
	if nu.IsAdmin {
		isAdmin = "on"
	}
	const q = `INSERT INTO vtiger_users (id, user_name, user_password, first_name, last_name,
		is_admin, currency_id, date_entered, date_modified, email1, status, date_format,
		hour_format, start_hour, end_hour, activity_view, lead_view, deleted, internal_mailer,
		reminder_interval, crypt_type, accesskey, theme, language, time_zone)
		VALUES (?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?, 'Active', 'yyyy-mm-dd',
		'24', '08:00', '23:00', 'Today', 'Today', 0, '1', '1 Minute', ?, ?, 'softed', ?, 'UTC')`
	if _, err := tx.ExecContext(ctx, q, id, nu.UserName, hash, nu.FirstName, nu.LastName,
		isAdmin, nu.Email, cryptType, accessKey(), nu.Language); err != nil {
		return fmt.Errorf("insert user: %w", mapError(err))
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO vtiger_user2role (userid, roleid) VALUES (?, ?)`, id, nu.RoleID); err != nil {
		return fmt.Errorf("insert user role: %w", err)
	}
	ext, use := nu.Extension, "1"
	if ext == "" {
		use = "0"
	}
	const qe = `INSERT INTO vtiger_asteriskextensions (userid, asterisk_extension, use_asterisk) VALUES (?, NULLIF(?, ''), ?)`
	if _, err := tx.ExecContext(ctx, qe, id, ext, use); err != nil {
		return fmt.Errorf("insert extension: %w", err)
	}
	return nil
}

// accessKey makes a webservice access key as vtiger does: 16 random
// letters and digits, stored in plain text.
func accessKey() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on Linux
	}
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}
