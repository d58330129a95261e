a=1 b='2 3' env | grep a && echo ok || echo no; ! false | wc -l &
