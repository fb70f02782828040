package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
)

var serveCmd = &command{
	name:    "serve",
	usage:   "serve [-addr HOST:PORT]",
	summary: "build dist/ and serve the demo page on localhost",
	help: `DESCRIPTION
    Runs "build", then serves dist/ over HTTP on the loopback interface. Open the printed URL: the demo article
    shows factcard's marks and cards, and its form checks any pasted text for a chosen date.

FLAGS
    -addr HOST:PORT   address to listen on (default "127.0.0.1:8080")

EXIT STATUS
    1 when the build fails or the address is taken; otherwise it serves until stopped.

EXAMPLE
    go run ./build serve -addr 127.0.0.1:9000`,
	run: func(args []string) int {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		addr := fs.String("addr", "127.0.0.1:8080", "listen address")
		if err := fs.Parse(args); err != nil {
			return 2
		}
		if err := buildDist("dist", os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			return 1
		}
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			return 1
		}
		fmt.Printf("factcard demo: http://%s/\n", ln.Addr())
		if err := http.Serve(ln, distHandler("dist")); err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			return 1
		}
		return 0
	},
}

// distHandler serves dist/ with caching off, so that a rebuilt widget is
// what the next reload gets.
func distHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
