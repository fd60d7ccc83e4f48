package web

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/tigerline/tigerline/crm"
)

// The webservice's error codes: vtiger 5.4's WebServiceErrorCode
// constants, plus two of Tigerline's own where vtiger has none.
//
//	code                      vtiger constant        when
//	AUTHENTICATION_REQUIRED   $AUTHREQUIRED          no sessionName; login of an inactive user
//	AUTHENTICATION_FAILURE    $AUTHFAILURE           too many failed logins (the browser login's limiter)
//	INVALID_AUTH_TOKEN        $INVALIDTOKEN          login without a live getchallenge token
//	INVALID_USER_CREDENTIALS  $INVALIDUSERPWD        login with a wrong accessKey or unknown user name
//	ACCESSKEY_UNDEFINED       $ACCESSKEYUNDEFINED    the user has no access key
//	INVALID_SESSIONID         $SESSIONIDINVALID      unknown, expired or logged-out sessionName
//	UNKNOWN_OPERATION         $UNKNOWNOPERATION      operation not implemented
//	OPERATION_NOT_SUPPORTED   $OPERATIONNOTSUPPORTED POST operation sent as GET; a type that is not a record module
//	ACCESS_DENIED             $ACCESSDENIED          unknown or disabled module, profile or sharing refusal
//	INVALID_ID_ATTRIBUTE      $INVALIDID             malformed id, or a prefix that is not the record's module
//	RECORD_NOT_FOUND          $RECORDNOTFOUND        no such record, or it is in the recycle bin
//	MANDATORY_FIELDS_MISSING  $MANDFIELDSMISSING     a mandatory field is empty or missing
//	REFERENCE_INVALID         $REFERENCEINVALID      a reference or owner points at the wrong type or no record
//	QUERY_SYNTAX_ERROR        $QUERYSYNTAX           VTQL that does not parse, or names an unknown field
//	DATABASE_QUERY_ERROR      $DATABASEQUERYERROR    the database is unavailable
//	INTERNAL_SERVER_ERROR     $INTERNALERROR         anything else (logged in full)
//	INVALID_FIELD_VALUE       (Tigerline)            a field value the record engine refuses (email, number, picklist, ...)
//	INVALID_REQUEST           (Tigerline)            an unreadable body, or element that is not a JSON object
const (
	wsAuthRequired           = "AUTHENTICATION_REQUIRED"
	wsAuthFailure            = "AUTHENTICATION_FAILURE"
	wsInvalidToken           = "INVALID_AUTH_TOKEN"
	wsInvalidCredentials     = "INVALID_USER_CREDENTIALS"
	wsAccessKeyUndefined     = "ACCESSKEY_UNDEFINED"
	wsInvalidSession         = "INVALID_SESSIONID"
	wsUnknownOperation       = "UNKNOWN_OPERATION"
	wsOperationNotSupported  = "OPERATION_NOT_SUPPORTED"
	wsAccessDenied           = "ACCESS_DENIED"
	wsInvalidID              = "INVALID_ID_ATTRIBUTE"
	wsRecordNotFound         = "RECORD_NOT_FOUND"
	wsMandatoryFieldsMissing = "MANDATORY_FIELDS_MISSING"
	wsReferenceInvalid       = "REFERENCE_INVALID"
	wsQuerySyntax            = "QUERY_SYNTAX_ERROR"
	wsDatabaseError          = "DATABASE_QUERY_ERROR"
	wsInternalError          = "INTERNAL_SERVER_ERROR"
	wsInvalidFieldValue      = "INVALID_FIELD_VALUE"
	wsInvalidRequest         = "INVALID_REQUEST"
)

// wsError is a webservice error as the envelope carries it.
type wsError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *wsError) Error() string { return e.Code + ": " + e.Message }

func wsErrorf(code, format string, args ...any) *wsError {
	return &wsError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// wsErrorOf maps any error to a webservice error, in one place: a
// wsError as it is, crm errors by code (field errors by what is wrong),
// anything else as internal.
func wsErrorOf(err error) *wsError {
	var we *wsError
	if errors.As(err, &we) {
		return we
	}
	var ce *crm.Error
	if !errors.As(err, &ce) {
		return wsErrorf(wsInternalError, "Unknown Error while processing request")
	}
	switch ce.Code {
	case crm.EInvalid:
		if len(ce.Fields) > 0 {
			return wsFieldsError(ce.Fields)
		}
		return wsErrorf(wsInvalidFieldValue, "%s", ce.Message)
	case crm.ENotFound:
		return wsErrorf(wsRecordNotFound, "Record you are trying to access is not found")
	case crm.EForbidden:
		return wsErrorf(wsAccessDenied, "Permission to perform the operation is denied: %s", ce.Message)
	case crm.EUnauthorized:
		return wsErrorf(wsInvalidSession, "Session Identifier provided is Invalid")
	case crm.EUnavailable:
		return wsErrorf(wsDatabaseError, "Database error while performing required operation")
	}
	return wsErrorf(wsInternalError, "Unknown Error while processing request")
}

// wsFieldsError names every bad field. Missing mandatory values come
// first in vtiger's order of checks, then bad references, then the rest.
func wsFieldsError(fields map[string]string) *wsError {
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	var missing, refs, parts []string
	for _, n := range names {
		why := fields[n]
		parts = append(parts, n+" "+why)
		switch {
		case why == "is required":
			missing = append(missing, n)
		case strings.HasPrefix(why, "points at"), strings.Contains(why, "not a record id"),
			strings.Contains(why, "not an active user or a group"), strings.Contains(why, "not a user or group id"):
			refs = append(refs, n)
		}
	}
	msg := strings.Join(parts, "; ")
	switch {
	case len(missing) > 0:
		return wsErrorf(wsMandatoryFieldsMissing, "%s does not have a value (%s)", strings.Join(missing, ", "), msg)
	case len(refs) > 0:
		return wsErrorf(wsReferenceInvalid, "Invalid reference specified for %s (%s)", strings.Join(refs, ", "), msg)
	}
	return wsErrorf(wsInvalidFieldValue, "Invalid value for %s (%s)", strings.Join(names, ", "), msg)
}
