package web

import (
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tigerline/tigerline/crm"
)

// maxNote bounds a note typed during a call, in characters.
const maxNote = 4000

// callAction is the body of the pop's posts: JSON from pop.js, or a form.
type callAction struct {
	Module string `json:"module"`
	ID     int64  `json:"crmid"`
	Text   string `json:"text"`
	Number string `json:"number"`
}

// readCallAction reads a JSON body (at most 64 KiB) or form fields.
func readCallAction(r *http.Request) (callAction, error) {
	var a callAction
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" {
		if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 64<<10)).Decode(&a); err != nil {
			return a, crm.Errorf(crm.EInvalid, "The request is not valid JSON.")
		}
		return a, nil
	}
	a.Module, a.Text, a.Number = r.PostFormValue("module"), r.PostFormValue("text"), r.PostFormValue("number")
	a.ID, _ = strconv.ParseInt(r.PostFormValue("crmid"), 10, 64)
	return a, nil
}

// handleCallLink answers POST /api/calls/{gateway}/{uid}/link {module,
// crmid}: the agent picked the caller among several matches, and the
// call record is linked to that record.
func (s *Server) handleCallLink(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readCallAction(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	target, err := s.callTarget(ctx, a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	call, err := s.findCall(ctx, r.PathValue("gateway"), r.PathValue("uid"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !isAgentOf(call.CallRecord, u.Extension) && !s.isSupervisor(u) {
		s.fail(w, r, crm.Errorf(crm.EForbidden, "Only the call's agent can link it."))
		return
	}
	link := crm.CallLink{CustomerID: target.ID, CustomerModule: target.Module, UserID: call.userID}
	if _, _, err := s.deps.Calls.SaveCall(ctx, call.CallRecord, link); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"linked": target})
}

// callTarget checks the record a pop action names.
func (s *Server) callTarget(ctx context.Context, a callAction) (recordLink, error) {
	if s.deps.Records == nil || a.Module == "" || a.ID <= 0 {
		return recordLink{}, crm.Errorf(crm.EInvalid, "Name a record: module and crmid.")
	}
	rec, err := s.deps.Records.FindRecordByID(ctx, a.Module, a.ID)
	if err != nil {
		return recordLink{}, err
	}
	return recordLink{Module: rec.Module, ID: rec.ID, Name: rec.Label, Href: recordHref(rec.Module, rec.ID)}, nil
}

// foundCall is a call to act on, with the agent user it is stored with.
type foundCall struct {
	crm.CallRecord
	userID int64
}

// findCall finds a call by its key: stored (started within the live
// window, so a recent call can still be linked), else among the calls in
// progress, which SaveCall then stores early, linked; the final save
// keeps the link.
func (s *Server) findCall(ctx context.Context, gateway, uid string) (*foundCall, error) {
	sc, err := s.deps.Calls.FindCallBySource(ctx, gateway, uid)
	switch {
	case err == nil && !sc.StartTime.Before(time.Now().Add(-liveWindow)):
		return &foundCall{CallRecord: sc.CallRecord, userID: sc.Link.UserID}, nil
	case err != nil && crm.ErrorCode(err) != crm.ENotFound:
		return nil, err
	}
	if s.deps.LiveCalls != nil {
		live, err := s.deps.LiveCalls(ctx)
		if err != nil {
			return nil, err
		}
		for _, c := range live {
			if c.Call.Gateway == gateway && c.Call.SourceUniqueID == uid {
				return &foundCall{CallRecord: c.Call}, nil
			}
		}
	}
	return nil, crm.Errorf(crm.ENotFound, "There is no call %s on %s.", uid, gateway)
}

// handleCallNote answers POST /api/calls/{gateway}/{uid}/note {module,
// crmid, text}. As vtiger 5.4 does with its comments widget, the note
// becomes a ModComments record related to the caller's record; a module
// comments cannot relate to gets the note appended to its description.
func (s *Server) handleCallNote(w http.ResponseWriter, r *http.Request) {
	ctx, u := r.Context(), actor(r)
	a, err := readCallAction(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a.Text = strings.TrimSpace(a.Text)
	if a.Text == "" || utf8.RuneCountInString(a.Text) > maxNote {
		s.fail(w, r, crm.Errorf(crm.EInvalid, "Write a note of at most %d characters.", maxNote))
		return
	}
	target, err := s.callTarget(ctx, a)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	uid := r.PathValue("uid")
	saved, err := s.saveNote(ctx, u, target, a.Text)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("call note saved", "call", uid, "module", target.Module, "crmid", target.ID, "as", saved)
	writeJSON(w, http.StatusCreated, map[string]any{"saved_as": saved, "record": target})
}

// saveNote stores a note as a comment on target, or in its description;
// it returns which ("ModComments" or "description").
func (s *Server) saveNote(ctx context.Context, u *crm.User, target recordLink, text string) (string, error) {
	if mc, err := s.deps.Records.Module(ctx, "ModComments"); err == nil && commentsRelateTo(mc, target.Module) {
		_, err := s.deps.Records.CreateRecord(ctx, u, "ModComments", map[string]string{
			"commentcontent": text, "related_to": strconv.FormatInt(target.ID, 10),
			"assigned_user_id": strconv.FormatInt(u.ID, 10),
		})
		return "ModComments", err
	}
	rec, err := s.deps.Records.FindRecordByID(ctx, target.Module, target.ID)
	if err != nil {
		return "", err
	}
	desc := rec.Values["description"]
	if desc != "" {
		desc += "\n\n"
	}
	desc += time.Now().Format("2006-01-02 15:04") + " " + u.FullName() + ": " + text
	_, err = s.deps.Records.UpdateRecord(ctx, u, target.Module, target.ID, map[string]string{"description": desc})
	return "description", err
}

// commentsRelateTo reports whether ModComments' related_to may point at
// a record of module.
func commentsRelateTo(mc *crm.Module, module string) bool {
	for _, f := range mc.Fields {
		if f.Name == "related_to" {
			return slices.Contains(f.RefModules, module)
		}
	}
	return false
}
