# Reads first_seconds.sh's logs (test accuracy every 0.25 s, runs stopped about 3 s in) and compares each arm with a
# reference arm, paired by seed: accuracy difference at the 2nd, 4th, 6th and 7th sample (about 0.7, 1.2, 1.7 and
# 2.0 s), the examples ratio there, the cumulative examples/s ratio, and time to 0.84 test accuracy (interpolated).
# Usage: python3 first_seconds.py DIR REFERENCE_ARM
import re,glob,sys,statistics as st,collections
out,ref=sys.argv[1],sys.argv[2]
R=collections.defaultdict(dict)
for f in glob.glob(out+'/*.log'):
    name,seed=f.split('/')[-1][:-4].rsplit('-',1)
    text=open(f).read()
    R[name][int(seed)]=[(float(m.group(1)),int(m.group(2)),int(m.group(3)),float(m.group(4)))
                        for m in re.finditer(r'(\d+\.\d)s  examples (\d+) \((\d+)/s\).*?test accuracy (\S+)',text)]
def t084(p):
    for a,b in zip(p,p[1:]):
        if a[3]<0.84<=b[3]: return a[0]+(0.84-a[3])/(b[3]-a[3])*(b[0]-a[0])
se=lambda v: st.stdev(v)/len(v)**.5
for name in sorted(R):
    x,r=R[name],R[ref]; seeds=[s for s in x if s in r]
    print(f"{name} (n={len(seeds)})")
    for i in (1,2,4,6,7):
        both=[s for s in seeds if len(x[s])>i and len(r[s])>i]
        acc=[x[s][i][3]-r[s][i][3] for s in both]; rate=[x[s][i][2]/r[s][i][2]-1 for s in both]
        print(f"  sample {i} (~{st.mean(r[s][i][0] for s in both):.1f} s): accuracy {st.mean(x[s][i][3] for s in both):.4f}, "
              f"minus {ref}'s {st.mean(acc):+.4f} (se {se(acc):.4f}); examples/s {st.mean(rate):+.3f} (se {se(rate):.3f})")
    t=[(t084(x[s]),t084(r[s])) for s in seeds]; d=[a-b for a,b in t if a and b]
    print(f"  time to 0.84: {st.mean(a for a,b in t if a and b):.2f} s, minus {ref}'s {st.mean(d):+.3f} s (se {se(d):.3f}, {len(d)} pairs)")
