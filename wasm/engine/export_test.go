package engine

import "sync"

// DropCaches forgets what searches built lazily (the long names' index),
// so that two datasets compare by what they hold.
func (d *Dataset) DropCaches() {
	d.longOnce = sync.Once{}
	d.long = nil
}
