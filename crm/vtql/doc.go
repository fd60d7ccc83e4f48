// Package vtql parses the query language of vtiger 5.4's webservice
// (VTQL) and translates its WHERE and ORDER BY clauses into parameterized
// SQL.
//
// The grammar accepted is
//
//	query  = SELECT ( "*" | count(*) | field { "," field } ) FROM module
//	         [ WHERE expr ]
//	         [ ORDER BY field [ASC|DESC] { "," field [ASC|DESC] } ]
//	         [ LIMIT [ offset "," ] count ] ";"
//	expr   = and { OR and }
//	and    = unary { AND unary }
//	unary  = "(" expr ")" | cond
//	cond   = field op value
//	       | field [NOT] LIKE value
//	       | field [NOT] IN "(" value { "," value } ")"
//	op     = "=" | "!=" | "<>" | "<" | ">" | "<=" | ">="
//	value  = 'string' | "string" | number | word
//
// Keywords are case-insensitive. Field and module names are ASCII
// identifiers (letters, digits, underscore, not starting with a digit) and
// may not be reserved words. The trailing ";" is mandatory because vtiger
// rejects queries without it; accepting them here would let clients write
// queries that fail against real vtiger.
//
// String literals follow MySQL: backslash escapes (\0 \b \n \r \t \Z \\
// \' \"), a doubled quote stands for itself, \% and \_ keep their backslash
// so LIKE still treats them as literal characters, and any other escaped
// character stands for itself. Every value, quoted or not, reaches the
// translator as a string and leaves it as a "?" argument; only column
// expressions supplied by a Resolver and fixed operator keywords are ever
// written into SQL text.
package vtql
