type Size = { width: number; height: number };
/** How the playground's first fit places cards (components/canvas/fit-room.ts): room top, right, bottom, left, and zoom bounds. */
type Fit = { wide: readonly number[]; sheet: readonly number[]; minZoom: number; maxZoom: number };

/** A value as a script literal that cannot end the inline <script> it sits in. */
const js = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/**
 * The script the page runs where the first frame goes, while the HTML is still being parsed
 * (so before anything is painted). It puts in the frame drawn for the screen's shape, or none
 * when the playground will show something else first: a link's or the autosaved document, a
 * language it has no frame for, a canvas laid out the other way (components/ui/use-narrow.ts),
 * or one so small that it opens with far cards (`farZoom`). The frame is drawn in English; a
 * Chinese reader gets it with the texts and attributes the build found different in Chinese
 * (`zh`, per layout: node index in a walk over elements and text, then '' and a text, or an
 * attribute and its value; null when there is no Chinese frame).
 * On a canvas of another size than the one it was drawn on (`drawn`), it fits the frame's cards
 * as the playground's first fit will (`fit`, from components/canvas/fit-room.ts, as xyflow's
 * getViewportForBounds does), so the swap to the playground does not move them: twice, as a
 * card's size depends on the zoom (its key field keeps a readable size, --flow-zoom).
 * The frame is drawn light; for a dark-theme visitor it takes React Flow's `dark` class and the
 * minimap's dark mask (`darkMask`), the only theme the canvas takes in script: the rest of the
 * page follows the system through CSS, as the playground does.
 * A click on one of the frame's buttons is queued (`ids.queue` on window, by test id) for the
 * playground to replay, and so is a key pressed while the frame shows (the shortcuts: Space
 * plays); other clicks, and a select's menu, do nothing.
 * Plain ES5 in a string: it runs before any of the page's code has arrived.
 */
export function chooserScript(ids: { wide: string; narrow: string; frame: string; queue: string; attr: string }, drawn: { wide: Size; narrow: Size }, fit: Fit, farZoom: number, darkMask: string, zh: { locale: string; wide: readonly (number | string | null)[] | null; narrow: readonly (number | string | null)[] | null }): string {
  return `(function(){var s=document.currentScript;try{
var ls=localStorage,l=ls.getItem('dp.lang'),i;
if(l!=='en'&&l!=='zh'){l='en';var p=navigator.languages||[navigator.language];for(i=0;i<p.length;i++){var b=String(p[i]).toLowerCase().split('-')[0];if(b==='zh'||b==='en'){l=b;break}}}
var wide=matchMedia('(min-width: 768px)').matches,Z=l==='zh'?(wide?${js(zh.wide)}:${js(zh.narrow)}):null;
if((l!=='en'&&!Z)||location.hash.length>1||/[?&]lang=/.test(location.search)||ls.getItem('dp:autosave:v1')!==null)return;
var t=document.getElementById(wide?'${ids.wide}':'${ids.narrow}'),D=wide?[${drawn.wide.width},${drawn.wide.height}]:[${drawn.narrow.width},${drawn.narrow.height}];
var f=t.content.firstElementChild.cloneNode(true);
if(Z){var w=document.createTreeWalker(f,5),n=f,k=0,j;for(j=0;j<Z.length;j+=3){while(k<Z[j]){n=w.nextNode();k++}if(Z[j+1]==='')n.data=Z[j+2];else if(Z[j+2]===null)n.removeAttribute(Z[j+1]);else n.setAttribute(Z[j+1],Z[j+2])}document.documentElement.lang=${js(zh.locale)}}
if(matchMedia('(prefers-color-scheme: dark)').matches){var d=f.querySelectorAll('.react-flow.light');for(i=0;i<d.length;i++)d[i].classList.replace('light','dark');
d=f.querySelectorAll('.react-flow__minimap');for(i=0;i<d.length;i++)d[i].style.setProperty('--xy-minimap-mask-background-color-props',${js(darkMask)})}
s.parentNode.insertBefore(f,s);
var Q=window['${ids.queue}']=[];f.addEventListener('mousedown',function(e){e.preventDefault()},true);
f.addEventListener('click',function(e){e.preventDefault();var b=e.target.closest('[${ids.attr}]');if(b)Q.push(b.getAttribute('${ids.attr}'))},true);
addEventListener('keydown',function(e){if(f.isConnected&&!e.repeat)Q.push({key:e.key,code:e.code,ctrlKey:e.ctrlKey,shiftKey:e.shiftKey,altKey:e.altKey,metaKey:e.metaKey})},true);
var rf=f.querySelector('.react-flow'),r=rf.getBoundingClientRect(),W=r.width,H=r.height;
if((W<560||W<H*0.9)===wide){f.remove();return}
if(W===D[0]&&H===D[1])return;
var v=f.querySelector('.react-flow__viewport'),z0=+(/scale\\(([\\d.e-]+)\\)/.exec(v.style.transform)||[0,1])[1],P=wide?[${fit.wide.join(',')}]:[${fit.sheet.join(',')}],ns=f.querySelectorAll('.react-flow__node');
function fit(){var x0=1/0,y0=1/0,x1=-1/0,y1=-1/0;
for(var k=0;k<ns.length;k++){var n=ns[k],m=/translate\\(([-\\d.e]+)px, ?([-\\d.e]+)px\\)/.exec(n.style.transform),q=n.getBoundingClientRect();if(!m)continue;
x0=Math.min(x0,+m[1]);y0=Math.min(y0,+m[2]);x1=Math.max(x1,+m[1]+q.width/z0);y1=Math.max(y1,+m[2]+q.height/z0)}
if(!(x1>x0&&y1>y0))return null;
var bw=x1-x0,bh=y1-y0,z=Math.max(${fit.minZoom},Math.min(${fit.maxZoom},(W-P[1]-P[3])/bw,(H-P[0]-P[2])/bh)),X=W/2-(x0+bw/2)*z,Y=H/2-(y0+bh/2)*z,
L=Math.floor(x0*z+X),T=Math.floor(y0*z+Y),R=Math.floor(W-(x1*z+X)),B=Math.floor(H-(y1*z+Y));
return [X+Math.min(R-P[1],0)-Math.min(L-P[3],0),Y+Math.min(B-P[2],0)-Math.min(T-P[0],0),z]}
var a=fit();if(!a)return;rf.style.setProperty('--flow-zoom',String(a[2]));a=fit();
if(a[2]<${farZoom}){f.remove();return}
rf.style.setProperty('--flow-zoom',String(a[2]));v.style.transform='translate('+a[0]+'px, '+a[1]+'px) scale('+a[2]+')';
var pt=f.querySelector('.react-flow__background pattern');if(pt){var g=pt.getAttribute('width')/z0*a[2],c=pt.firstElementChild,rr=c.getAttribute('r')/z0*a[2];
pt.setAttribute('x',a[0]%g);pt.setAttribute('y',a[1]%g);pt.setAttribute('width',g);pt.setAttribute('height',g);pt.setAttribute('patternTransform','translate(-'+g/2+',-'+g/2+')');c.setAttribute('cx',rr);c.setAttribute('cy',rr);c.setAttribute('r',rr)}
}catch(e){var x=document.getElementById('${ids.frame}');if(x)x.remove()}})()`;
}
