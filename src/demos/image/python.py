# multiprocessing.shared_memory
#
# Sending a picture to a process pickles it: every band is copied there and back, like structured cloning in
# copy mode. Transfer hands the buffer over without copying, and the sender loses it. Shared memory lets every
# process see the same bytes, like SharedArrayBuffer: no copy, but each worker must keep to its own band.

import numpy as np
from multiprocessing import Pool, shared_memory

def blur_band(args):
    name, shape, top, bottom = args
    shm = shared_memory.SharedMemory(name=name)       # the same bytes, no copy
    image = np.ndarray(shape, dtype=np.uint8, buffer=shm.buf)
    ...                                               # filter rows top..bottom in place
    shm.close()

shm = shared_memory.SharedMemory(create=True, size=image.nbytes)
with Pool(4) as pool:
    pool.map(blur_band, [(shm.name, image.shape, t, b) for t, b in bands])
