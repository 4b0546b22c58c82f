# Time to 0.84 test accuracy per seed, interpolated between the curve samples; pairs linear hybrid and adaptive by seed.
import json,sys,statistics as st
def times(path):
    d=json.load(open(path)); out={}
    for m in d['methods']:
        ts={}
        for r in m['runs']:
            c=r['curve']; t=None
            for a,b in zip(c,c[1:]):
                if a.get('testAccuracy',0)<0.84<=b.get('testAccuracy',0):
                    t=a['seconds']+(0.84-a['testAccuracy'])/(b['testAccuracy']-a['testAccuracy'])*(b['seconds']-a['seconds']); break
            ts[r['seed']]=(t, r['test']['accuracy'], r['test']['logLoss'])
        out[m['summary']['method']]=ts
    return out
allp={}
for p in sys.argv[1:]:
    for k,v in times(p).items(): allp.setdefault(k,{}).update(v)
h,a=allp['hybrid'],allp['adaptive']
seeds=[s for s in h if s in a and h[s][0] and a[s][0]]
d=[a[s][0]-h[s][0] for s in seeds]
for name,x in (('linear',h),('adaptive',a)):
    print(name, f"t084 {st.mean(x[s][0] for s in seeds):.2f} ± {st.stdev(x[s][0] for s in seeds):.2f}", f"acc {st.mean(x[s][1] for s in x):.4f} ± {st.stdev(x[s][1] for s in x):.4f} ll {st.mean(x[s][2] for s in x):.4f} ± {st.stdev(x[s][2] for s in x):.4f}")
print(f"n={len(seeds)} paired diff adaptive-linear {st.mean(d):+.3f} se {st.stdev(d)/len(d)**0.5:.3f}")
