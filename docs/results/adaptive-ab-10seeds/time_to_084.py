import json,os,sys,statistics as st
root=os.path.dirname(os.path.abspath(__file__))
for name in sys.argv[1:]:
    d=json.load(open(f'{root}/{name}/compare.json'))
    for m in d['methods']:
        ts=[]
        for r in m['runs']:
            c=r['curve']; t=None
            for a,b in zip(c,c[1:]):
                if a.get('testAccuracy',0)<0.84<=b.get('testAccuracy',0):
                    t=a['seconds']+(0.84-a['testAccuracy'])/(b['testAccuracy']-a['testAccuracy'])*(b['seconds']-a['seconds']); break
            if t is None and c and c[0].get('testAccuracy',0)>=0.84: t=c[0]['seconds']
            ts.append(t)
        ok=[t for t in ts if t is not None]
        print(name, m['summary']['method'], f"{st.mean(ok):.2f} ± {st.stdev(ok):.2f} s (n={len(ok)})", ' '.join(f"{t:.2f}" if t else '-' for t in ts), 'summary', [round(x['meanSeconds'],2) for x in m['summary']['timeToTargets']])
