package main

import (
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/pressly/goose/v3"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/spf13/cobra"
	_ "github.com/nyaruka/phonenumbers"
	_ "golang.org/x/crypto/bcrypt"
	_ "github.com/gorilla/websocket"
)

func main() {}
