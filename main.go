// Command sipmote runs a Swedish SIP meeting (samordnad individuell plan)
// in the terminal: the chair's agenda beside the secretary's live plan,
// saved as it is typed, printed at the end for everyone to sign.
//
// The commands live in package cli; this file only starts them.
package main

import (
	"os"

	"github.com/sipmote/sipmote/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
