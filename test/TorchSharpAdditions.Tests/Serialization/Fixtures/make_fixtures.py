"""Writes tiny_state_dict.pth, the seed of the .pth fuzz test: a real torch.save file small enough to
mutate ten thousand times, with what torch.save puts in a state dict's pickle (an OrderedDict with
_metadata set by BUILD, memoised storages, a shared storage, a tensor under two names, a Parameter, a
0-dim tensor).

Run with Debian's python3 (torch 1.13) from this folder:
    /usr/bin/python3 make_fixtures.py
"""
import collections

import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 2), torch.nn.BatchNorm2d(2))
state = model.state_dict()
shared = torch.arange(6, dtype=torch.int16)
state['head'] = shared[:2]
state['tail'] = shared[3:]
state['transposed'] = torch.arange(6, dtype=torch.float64).reshape(2, 3).t()
state['parameter'] = torch.nn.Parameter(torch.tensor([1.5, -2.0]))
state['flag'] = torch.tensor(True)
tied = torch.tensor([5.0, 6.0])
state['tied_first'] = tied
state['tied_second'] = tied
torch.save(state, 'tiny_state_dict.pth')
