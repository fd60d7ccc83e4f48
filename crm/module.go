package crm

// Module is an entity module (Accounts, HelpDesk, ...) as vtiger's metadata
// tables describe it. The record engine is driven by it alone, so custom
// fields and modules of an existing vtiger database need no code.
type Module struct {
	TabID  int
	Name   string // vtiger_tab.name, e.g. "HelpDesk"
	Label  string // vtiger_tab.tablabel
	Parent string // menu group, e.g. "Support"
	// BaseTable and IDColumn are where a record's own row lives
	// (vtiger_troubletickets.ticketid).
	BaseTable string
	IDColumn  string
	// Tables lists every table that holds one row per record, base table
	// first, custom-field table last, each with its id column.
	Tables []ModuleTable
	// Fields in block and sequence order.
	Fields []*Field
	// NameFields make a record's label (vtiger_entityname.fieldname).
	NameFields []string
	// Presence is 0 or 2 for an enabled module.
	Presence int
}

// ModuleTable is a table with one row per record of a module.
type ModuleTable struct {
	Name     string
	IDColumn string
}

// Field is one vtiger_field row.
type Field struct {
	ID          int
	Name        string // fieldname, the key of Record.Values
	Column      string
	Table       string
	Label       string
	UIType      int
	TypeOfData  string // e.g. "V~M", "N~O~2~2"
	Mandatory   bool
	Presence    int
	DisplayType int
	ReadOnly    bool
	BlockID     int
	BlockLabel  string
	Sequence    int
	Quickcreate bool
	// QuickcreateSequence orders the quick-create form (0: unordered).
	QuickcreateSequence int
	// MassEditable is vtiger's masseditable = 1: mass edit offers the field.
	MassEditable bool
	// MaxLength is the column's character length, 0 when not text.
	MaxLength int
	// Picklist is the picklist's name for uitypes 15, 16 and 33.
	Picklist string
	// RefModules lists the modules a reference field may point at.
	RefModules []string
}

// Type is the first part of typeofdata: V, E, N, I, NN, D, DT, T, C, P.
func (f *Field) Type() string {
	for i := 0; i < len(f.TypeOfData); i++ {
		if f.TypeOfData[i] == '~' {
			return f.TypeOfData[:i]
		}
	}
	return f.TypeOfData
}

// Field returns the field named name, or nil.
func (m *Module) Field(name string) *Field {
	for _, f := range m.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}
