package crm

import "context"

// User is a vtiger user: an agent, a supervisor, a back-office worker or an
// admin. Users and groups share one id space (vtiger_users_seq).
type User struct {
	ID        int64
	UserName  string
	FirstName string
	LastName  string
	Email     string
	IsAdmin   bool
	Status    string // "Active" or "Inactive"
	RoleID    string // vtiger_role.roleid, e.g. "H5"
	RoleName  string
	Extension string // Asterisk extension, "" when none
	Language  string // vtiger language code, e.g. "en_us", "zh_tw"
	AccessKey string // the webservice access key
}

// FullName is the user's name as vtiger shows it.
func (u *User) FullName() string {
	switch {
	case u.FirstName == "":
		return u.LastName
	case u.LastName == "":
		return u.FirstName
	}
	return u.FirstName + " " + u.LastName
}

// NewUser is what it takes to create a user.
type NewUser struct {
	UserName  string
	Password  string
	FirstName string
	LastName  string
	Email     string
	IsAdmin   bool
	RoleID    string // default: the lowest role of the hierarchy
	Extension string
	Language  string // default "en_us"
}

// UserService manages users and checks their passwords.
type UserService interface {
	// CreateUser creates a user. Errors: invalid, conflict (name taken).
	CreateUser(ctx context.Context, nu NewUser) (*User, error)
	// SetPassword replaces a user's password. Errors: invalid, not_found.
	SetPassword(ctx context.Context, userName, password string) error
	// FindUsers lists the users that are not deleted, by name.
	FindUsers(ctx context.Context) ([]*User, error)
	// FindUserByName returns one user. Errors: not_found.
	FindUserByName(ctx context.Context, userName string) (*User, error)
	// Authenticate checks a user name and password. Errors: unauthorized
	// (the same for an unknown user, a wrong password and an inactive user).
	Authenticate(ctx context.Context, userName, password string) (*User, error)
}
