package main

import (
	_ "charm.land/bubbles/v2/textarea"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/glamour/v2"
	_ "charm.land/lipgloss/v2"
	_ "codeberg.org/go-pdf/fpdf"
	_ "github.com/arran4/golang-ical"
	_ "github.com/charmbracelet/x/exp/teatest/v2"
	_ "github.com/google/uuid"
	_ "go.etcd.io/bbolt"
	_ "golang.org/x/image/font/gofont/goregular"
	_ "golang.org/x/text/collate"
)

func main() {}
