//go:build !js

package main

import (
	"flag"
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"factcard/build/cli"
)

var serveCmd = &cli.Command{
	Name:    "serve",
	Usage:   "serve [-addr HOST:PORT]",
	Summary: "build dist/ and serve the demo page on localhost",
	Help: `DESCRIPTION
    Runs "build", then serves dist/ over HTTP on the loopback interface. Open the printed URL: the demo article
    shows factcard's marks and cards, and its form checks any pasted text for a chosen date.

FLAGS
    -addr HOST:PORT   address to listen on (default "127.0.0.1:8080")

EXIT STATUS
    1 when the build fails or the address is taken; otherwise it serves until stopped.

EXAMPLE
    go run ./build serve -addr 127.0.0.1:9000`,
	Run: func(args []string) int {
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
// what the next reload gets, and sends the .br or .gz copy the build wrote
// when the browser accepts it: the transfer a publisher's CDN would make.
func distHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Add("Vary", "Accept-Encoding")
		name := path.Clean(r.URL.Path)
		if strings.HasSuffix(name, "/") || name == "/" {
			name = "/index.html"
		}
		if ctype := mime.TypeByExtension(path.Ext(name)); ctype != "" {
			accept := r.Header.Get("Accept-Encoding")
			for _, enc := range [][2]string{{"br", ".br"}, {"gzip", ".gz"}} {
				if !strings.Contains(accept, enc[0]) {
					continue
				}
				if f, err := os.Open(filepath.Join(dir, filepath.FromSlash(name)+enc[1])); err == nil {
					defer f.Close()
					if st, err := f.Stat(); err == nil {
						w.Header().Set("Content-Type", ctype)
						w.Header().Set("Content-Encoding", enc[0])
						http.ServeContent(w, r, name, st.ModTime(), f)
						return
					}
				}
			}
		}
		files.ServeHTTP(w, r)
	})
}
