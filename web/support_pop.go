package web

// ticketPopStrings are the texts pop.js shows for a support call's
// ticket. They join popStrings here so the ticket feature stays in its
// own files; the contract summaries are keys too, those that are fixed.
var ticketPopStrings = []string{
	"Ticket", "Edit ticket", "Recent open tickets", "Attach this call", "Call attached to the ticket.",
	"No active contract", "Active, units not tracked",
}

func init() { popStrings = append(popStrings, ticketPopStrings...) }
